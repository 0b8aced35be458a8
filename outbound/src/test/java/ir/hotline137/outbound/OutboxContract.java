package ir.hotline137.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.outbound.outbox.AttemptResult;
import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.NotificationStatus;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.requests.TrackingCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox keeps each notification once, hands out each attempt once, and after a crash never claims to know how
 * an interrupted attempt ended; a receipt that comes before its attempt is recorded waits for it; an answered call
 * stays answered. Asked of each outbox: the embedded one and PostgreSQL's.
 */
abstract class OutboxContract {
    private static final Instant AT = Instant.parse("2026-12-05T07:00:00Z");
    private static final TrackingCode CODE = TrackingCode.random(new Random(5));

    /** An outbox on fresh data. */
    abstract Outbox open() throws Exception;

    /** The same data opened again (the outbox before it is closed). */
    abstract Outbox reopen() throws Exception;

    @AfterEach
    abstract void release() throws Exception;

    @Test
    void aNotificationMadeTwiceIsKeptOnceAndItsAttemptIsHandedOutOnce() throws Exception {
        {
            Outbox outbox = open();
            Notification made = Notification.made("k1", CODE, NoticeKind.RESULT, Channel.SMS, "09121234567", "نتیجه", AT);

            assertThat(outbox.add(List.of(made), 5)).hasSize(1);
            assertThat(outbox.add(List.of(made), 6)).as("the same key again").isEmpty();
            assertThat(outbox.seenRevision()).contains(6L);
            Notification kept = outbox.forRequest(CODE).getFirst();
            assertThat(outbox.due(AT.minusSeconds(1), 10)).as("not yet its time").isEmpty();
            assertThat(outbox.due(AT, 10)).extracting(Notification::id).containsExactly(kept.id());

            assertThat(outbox.beginAttempt(kept.id(), AT)).isPresent();
            assertThat(outbox.beginAttempt(kept.id(), AT)).as("already under way").isEmpty();
            assertThat(outbox.due(AT.plusSeconds(60), 10)).isEmpty();

            Notification retried = outbox.endAttempt(kept.id(), AttemptResult.UNAVAILABLE, "throttled",
                    NotificationStatus.PENDING, Optional.of(AT.plusSeconds(600)));
            assertThat(retried.attempts()).singleElement().satisfies(a -> {
                assertThat(a.result()).contains(AttemptResult.UNAVAILABLE);
                assertThat(a.detail()).isEqualTo("throttled");
            });
            assertThat(outbox.due(AT.plusSeconds(599), 10)).isEmpty();
            assertThat(outbox.due(AT.plusSeconds(600), 10)).hasSize(1);
        }
    }

    @Test
    void anAttemptUnderWayWhenTheProcessDiedIsUncertainAndNeverHandedOutAgain() throws Exception {
        long id;
        {
            Outbox outbox = open();
            id = outbox.add(List.of(Notification.made("k2", CODE, NoticeKind.RESULT, Channel.SMS, "09121234567", "x",
                    AT)), 1).getFirst().id();
            outbox.beginAttempt(id, AT.plus(Duration.ofSeconds(1)));
            // The process dies here: the SMS may or may not have gone.
        }
        {
            Outbox outbox = reopen();
            assertThat(outbox.markInterruptedUncertain(Instant.now())).isEqualTo(1);
            Notification after = outbox.find(id).orElseThrow();
            assertThat(after.status()).isEqualTo(NotificationStatus.UNCERTAIN);
            assertThat(after.lastAttempt().orElseThrow().result()).contains(AttemptResult.UNCERTAIN);
            assertThat(outbox.due(AT.plus(Duration.ofDays(1)), 10)).isEmpty();
            assertThat(outbox.beginAttempt(id, AT.plus(Duration.ofDays(1)))).isEmpty();
            assertThat(outbox.markInterruptedUncertain(Instant.now())).as("once").isZero();
        }
    }

    @Test
    void aReceiptBeforeItsAttemptWaitsForItAndAnAnsweredCallStaysAnswered() throws Exception {
        Outbox outbox = open();
        outbox.startFrom(40, 7, AT);
        outbox.startFrom(99, 99, AT.plusSeconds(1));
        assertThat(outbox.startedAfterSequence()).as("the first start only").contains(7L);
        assertThat(outbox.startedAt()).contains(AT);
        long sms = outbox.add(List.of(Notification.made("k3", CODE, NoticeKind.RESULT, Channel.SMS, "09121234567",
                "نتیجهٔ رسیدگی", AT)), 2).getFirst().id();
        assertThat(outbox.beginAttempt(sms, AT)).isPresent();
        assertThat(outbox.receipt("part-1", "DELIVRD")).as("before its attempt is recorded").isEmpty();
        Notification sent = outbox.endAttempt(sms, AttemptResult.SENT, "part-1,part-2", NotificationStatus.DONE,
                Optional.empty());
        assertThat(sent.receipt()).contains("DELIVRD");
        assertThat(outbox.receipt("part-2", "UNDELIV")).map(Notification::receipt).contains(Optional.of("UNDELIV"));

        long call = outbox.addOne(Notification.made("k4", CODE, NoticeKind.RESULT, Channel.CALL, "09121234567",
                "نتیجهٔ رسیدگی", AT)).orElseThrow().id();
        assertThat(outbox.addOne(Notification.made("k4", CODE, NoticeKind.RESULT, Channel.CALL, "09121234567",
                "دوباره", AT))).as("its key kept already").isEmpty();
        assertThat(outbox.callAnswered(call)).as("no attempt yet").isEmpty();
        outbox.beginAttempt(call, AT);
        assertThat(outbox.callAnswered(call)).hasValueSatisfying(n -> assertThat(n.wasAnswered()).isTrue());
        Notification after = outbox.endAttempt(call, AttemptResult.NO_ANSWER, "", NotificationStatus.PENDING,
                Optional.of(AT.plusSeconds(3_600)));
        assertThat(after.wasAnswered()).as("answered stays answered").isTrue();
        assertThat(outbox.due(AT.plusSeconds(7_200), 10)).isEmpty();

        long skipped = outbox.addOne(Notification.made("k5", CODE, NoticeKind.RESULT, Channel.SMS, "09120000000",
                "x", AT)).orElseThrow().id();
        outbox.skip(skipped);
        assertThat(outbox.find(skipped).map(Notification::status)).contains(NotificationStatus.SKIPPED);
        assertThat(outbox.forRequest(CODE)).extracting(Notification::id).containsExactly(sms, call, skipped);
        assertThat(outbox.count()).isEqualTo(3);
        assertThat(outbox.seenRevision()).as("the mark never moves back").contains(40L);
    }
}
