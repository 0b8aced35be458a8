package ir.hotline137.mayor.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.mayor.line.ScreeningState;
import ir.hotline137.requests.TrackingCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every log of the mayor's programmes promises, asked of each: the embedded one and PostgreSQL's. A session, its
 * callers (the latest save of each, in joining order) and its directives survive a reopening; each session keeps to
 * its own; a call's caller is found by the call alone; a number's earlier calls come latest first; saves made
 * together are kept together or not at all.
 */
public abstract class MayorSessionLogContract {
    static final Instant OPENED = Instant.parse("2026-11-18T09:40:00Z");

    /** A log on fresh data. */
    abstract MayorSessionLog open() throws Exception;

    /** The same data opened again (the log before it is closed). */
    abstract MayorSessionLog reopen() throws Exception;

    @AfterEach
    abstract void release() throws Exception;

    @Test
    void aSessionItsCallersAndDirectivesSurviveAReopening() throws Exception {
        SessionRecord session = session("s1", OPENED);
        SessionCaller first = caller("s1", "call-1", OPENED.plusSeconds(60), ScreeningState.TALKED);
        SessionCaller second = caller("s1", "call-2", OPENED.plusSeconds(30), ScreeningState.REJECTED);
        Directive directive = new Directive("s1", "call-1", TrackingCode.random(new java.util.Random(1)),
                OPENED.plusSeconds(600), "moderator");
        MayorSessionLog log = open();
        log.save(session);
        log.save(caller("s1", "call-1", OPENED.plusSeconds(60), ScreeningState.AWAITING_SCREENING));
        log.save(first);
        log.save(second);
        log.add(directive);

        log = reopen();
        assertThat(log.session("s1")).contains(session);
        assertThat(log.callers("s1")).as("in joining order, the latest save of each").containsExactly(second, first);
        assertThat(log.caller("s1", "call-1")).contains(first);
        assertThat(log.caller("call-2")).as("by the call alone").contains(second);
        assertThat(log.directives("s1")).containsExactly(directive);
    }

    @Test
    void eachSessionKeepsToItsOwnCallersEvenWhenOneIdStartsTheOther() throws Exception {
        MayorSessionLog log = open();
        log.save(session("a", OPENED));
        log.save(session("ab", OPENED.plusSeconds(3600)));
        log.save(caller("a", "1", OPENED, ScreeningState.TALKED));
        log.save(caller("ab", "2", OPENED, ScreeningState.TALKED));
        log.add(new Directive("ab", "2", TrackingCode.random(new java.util.Random(2)), OPENED, "mayor"));

        assertThat(log.callers("a")).extracting(SessionCaller::callId).containsExactly("1");
        assertThat(log.callers("ab")).extracting(SessionCaller::callId).containsExactly("2");
        assertThat(log.directives("a")).isEmpty();
        assertThat(log.sessions()).extracting(SessionRecord::id).containsExactly("ab", "a");
        assertThat(log.callsFrom("09121234567", 1)).as("the latest first").extracting(SessionCaller::callId)
                .hasSize(1);
        assertThat(log.callsFrom("09120000000", 5)).isEmpty();
    }

    @Test
    void savesMadeTogetherAreKeptTogetherOrNotAtAll() throws Exception {
        MayorSessionLog log = open();
        assertThatThrownBy(() -> log.together(() -> {
            log.save(session("s", OPENED));
            log.save(caller("s", "1", OPENED, ScreeningState.TALKED));
            throw new IllegalStateException("the directive could not be made");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(log.session("s")).isEmpty();
        assertThat(log.caller("1")).isEmpty();
        log.together(() -> {
            log.save(session("s", OPENED));
            log.save(caller("s", "1", OPENED.plusSeconds(10), ScreeningState.TALKED));
            log.save(caller("s", "2", OPENED.plusSeconds(20), ScreeningState.TALKED));
        });
        assertThat(log.callsFrom("09121234567", 5)).extracting(SessionCaller::callId).containsExactly("2", "1");
    }

    public static SessionRecord session(String id, Instant opened) {
        return new SessionRecord(id, "بی‌واسطه با مردم", opened, opened.plus(Duration.ofHours(1)), "supervisor",
                Optional.of(opened.plus(Duration.ofMinutes(70))), Optional.of("supervisor"));
    }

    public static SessionCaller caller(String session, String callId, Instant joined, ScreeningState state) {
        return new SessionCaller(session, callId, Optional.of("09121234567"), Optional.of(6),
                Optional.of("علی رضایی، ترافیک بزرگراه"), Optional.of("/rec/" + callId + ".wav"), state, joined,
                Duration.ofSeconds(95), List.of("moderator: از منطقه ۶"), Optional.of("moderator"),
                Optional.of(joined.plusSeconds(95)), Optional.of(joined.plusSeconds(300)), Optional.of("mayor"),
                Optional.empty());
    }
}
