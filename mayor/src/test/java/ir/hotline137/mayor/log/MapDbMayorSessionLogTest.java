package ir.hotline137.mayor.log;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.mayor.line.ScreeningState;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class MapDbMayorSessionLogTest {
    static final Instant OPENED = Instant.parse("2026-11-18T09:40:00Z");

    @TempDir
    Path dir;

    @Test
    void aSessionItsCallersAndDirectivesSurviveAReopening() {
        SessionRecord session = session("s1", OPENED);
        SessionCaller first = caller("s1", "call-1", OPENED.plusSeconds(60), ScreeningState.TALKED);
        SessionCaller second = caller("s1", "call-2", OPENED.plusSeconds(30), ScreeningState.REJECTED);
        Directive directive = new Directive("s1", "call-1", TrackingCode.random(new java.util.Random(1)), OPENED.plusSeconds(600),
                "moderator");
        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS)) {
            MayorSessionLog log = MapDbMayorSessionLog.open(storage);
            log.save(session);
            log.save(caller("s1", "call-1", OPENED.plusSeconds(60), ScreeningState.AWAITING_SCREENING));
            log.save(first);
            log.save(second);
            log.add(directive);
        }

        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS)) {
            MayorSessionLog log = MapDbMayorSessionLog.open(storage);
            assertThat(log.session("s1")).contains(session);
            assertThat(log.callers("s1")).as("in joining order, the latest save of each").containsExactly(second, first);
            assertThat(log.caller("s1", "call-1")).contains(first);
            assertThat(log.directives("s1")).containsExactly(directive);
        }
    }

    @Test
    void eachSessionKeepsToItsOwnCallersEvenWhenOneIdStartsTheOther() {
        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS)) {
            MayorSessionLog log = MapDbMayorSessionLog.open(storage);
            log.save(session("a", OPENED));
            log.save(session("ab", OPENED.plusSeconds(3600)));
            log.save(caller("a", "1", OPENED, ScreeningState.TALKED));
            log.save(caller("ab", "2", OPENED, ScreeningState.TALKED));
            log.add(new Directive("ab", "2", TrackingCode.random(new java.util.Random(2)), OPENED, "mayor"));

            assertThat(log.callers("a")).extracting(SessionCaller::callId).containsExactly("1");
            assertThat(log.callers("ab")).extracting(SessionCaller::callId).containsExactly("2");
            assertThat(log.directives("a")).isEmpty();
            assertThat(log.sessions()).extracting(SessionRecord::id).containsExactly("ab", "a");
        }
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
