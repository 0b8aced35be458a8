package ir.hotline137.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.outbound.outbox.PostgresOutbox;
import ir.hotline137.requests.TestDatabase;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.postgresql.PostgresDatabase;
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
        return PostgresOutbox.open(data.open());
    }

    @Override
    Outbox reopen() {
        return PostgresOutbox.open(data.reopen());
    }

    @Test
    void ofTwoNodesBeginningTheSameAttemptOneBeginsIt() throws Exception {
        Outbox nodeA = open();
        long id = nodeA.addOne(Notification.made("k", TrackingCode.random(new Random(9)), NoticeKind.RESULT,
                Channel.SMS, "09121234567", "نتیجه", Instant.parse("2026-12-05T07:00:00Z"))).orElseThrow().id();
        try (PostgresDatabase other = data.anotherNode()) {
            Outbox nodeB = PostgresOutbox.open(other);
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

    @Override
    void release() throws Exception {
        data.close();
    }
}
