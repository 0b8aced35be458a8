package ir.hotline137.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.outbound.outbox.AttemptResult;
import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.NotificationStatus;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox keeps each notification once, hands out each attempt once, and after a crash never claims to know how
 * an interrupted attempt ended.
 */
class OutboxTest {
    private static final Instant AT = Instant.parse("2026-12-05T07:00:00Z");
    private static final TrackingCode CODE = TrackingCode.random(new Random(5));

    @TempDir
    Path dir;

    @Test
    void aNotificationMadeTwiceIsKeptOnceAndItsAttemptIsHandedOutOnce() {
        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS)) {
            MapDbOutbox outbox = MapDbOutbox.open(storage);
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
    void anAttemptUnderWayWhenTheProcessDiedIsUncertainAndNeverHandedOutAgain() {
        long id;
        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS)) {
            MapDbOutbox outbox = MapDbOutbox.open(storage);
            id = outbox.add(List.of(Notification.made("k2", CODE, NoticeKind.RESULT, Channel.SMS, "09121234567", "x",
                    AT)), 1).getFirst().id();
            outbox.beginAttempt(id, AT.plus(Duration.ofSeconds(1)));
            // The process dies here: the SMS may or may not have gone.
        }
        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS)) {
            MapDbOutbox outbox = MapDbOutbox.open(storage);
            assertThat(outbox.markInterruptedUncertain(Instant.now())).isEqualTo(1);
            Notification after = outbox.find(id).orElseThrow();
            assertThat(after.status()).isEqualTo(NotificationStatus.UNCERTAIN);
            assertThat(after.lastAttempt().orElseThrow().result()).contains(AttemptResult.UNCERTAIN);
            assertThat(outbox.due(AT.plus(Duration.ofDays(1)), 10)).isEmpty();
            assertThat(outbox.beginAttempt(id, AT.plus(Duration.ofDays(1)))).isEmpty();
            assertThat(outbox.markInterruptedUncertain(Instant.now())).as("once").isZero();
        }
    }
}
