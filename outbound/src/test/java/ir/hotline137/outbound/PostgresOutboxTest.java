package ir.hotline137.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.NotificationStatus;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.outbound.outbox.PostgresOutbox;
import ir.hotline137.requests.TestDatabase;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The outbox's contract, asked of PostgreSQL's, in a schema of its own; and of two nodes' workers beginning the same
 * attempt at once, one begins it.
 */
class PostgresOutboxTest extends OutboxContract {
    private final TestDatabase data = new TestDatabase();

    @Override
    Outbox open() {
        PostgresDatabase database = data.open();
        return PostgresOutbox.open(database, data.node());
    }

    @Override
    Outbox reopen() {
        PostgresDatabase database = data.reopen();
        return PostgresOutbox.open(database, data.node());
    }

    @Test
    void ofTwoNodesBeginningTheSameAttemptOneBeginsIt() throws Exception {
        Outbox nodeA = open();
        long id = nodeA.addOne(Notification.made("k", TrackingCode.random(new Random(9)), NoticeKind.RESULT,
                Channel.SMS, "09121234567", "نتیجه", Instant.parse("2026-12-05T07:00:00Z"))).orElseThrow().id();
        try (PostgresDatabase other = data.anotherNode();
             ClusterNode b = ClusterNode.join(other, "node-b", Duration.ofSeconds(1))) {
            Outbox nodeB = PostgresOutbox.open(other, b);
            CountDownLatch go = new CountDownLatch(1);
            List<Optional<Notification>> begun = new CopyOnWriteArrayList<>();
            List<Thread> workers = List.of(nodeA, nodeB).stream().map(outbox -> Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                    begun.add(outbox.beginAttempt(id, Instant.now()));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            })).toList();
            go.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            assertThat(begun).hasSize(2).filteredOn(Optional::isPresent).hasSize(1);
        }
    }

    @Test
    void aNodeStartingTakesUpItsOwnAttemptsCutShortAndADeadNodesButNeverALiveOnes() throws Exception {
        Outbox nodeA = open();
        long id = nodeA.addOne(Notification.made("k", TrackingCode.random(new Random(10)), NoticeKind.RESULT,
                Channel.SMS, "09121234567", "نتیجه", Instant.parse("2026-12-05T07:00:00Z"))).orElseThrow().id();
        assertThat(nodeA.beginAttempt(id, Instant.now())).isPresent();
        try (PostgresDatabase other = data.anotherNode();
             ClusterNode b = ClusterNode.join(other, "node-b", Duration.ofSeconds(1))) {
            Outbox nodeB = PostgresOutbox.open(other, b);
            assertThat(nodeB.markInterruptedUncertain(Instant.now())).as("node A lives: its attempt is its own")
                    .isZero();
            assertThat(nodeB.find(id).map(Notification::status)).contains(NotificationStatus.SENDING);

            data.node().close();
            other.transaction(c -> {
                try (PreparedStatement silent = c.prepareStatement(
                        "UPDATE cluster_nodes SET seen_at = now() - interval '1 minute' WHERE name = 'node-a'")) {
                    return silent.executeUpdate();
                }
            });
            assertThat(nodeB.markInterruptedUncertain(Instant.now())).as("node A silent: taken for dead").isEqualTo(1);
            assertThat(nodeB.find(id).map(Notification::status)).contains(NotificationStatus.UNCERTAIN);
        }
    }

    @Override
    void release() throws Exception {
        data.close();
    }
}
