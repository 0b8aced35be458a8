package ir.hotline137.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClusterNodeTest {

    /**
     * Every pooled connection busy (a burst of work, a slow statement) is no sign of death: the others must not take
     * the node's callers off while it still holds them. Its beat has a connection of its own.
     */
    @Test
    void aNodeWhosePoolIsBusyStillBeats() throws Exception {
        try (TestPostgres postgres = TestPostgres.freshSchema();
             PostgresDatabase database = PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER,
                     TestPostgres.PASSWORD, 2));
             ClusterNode node = ClusterNode.join(database, "node-a", Duration.ofMillis(100))) {
            CountDownLatch holding = new CountDownLatch(2);
            CountDownLatch done = new CountDownLatch(1);
            List<Thread> busy = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                busy.add(Thread.ofVirtual().start(() -> database.transaction(c -> {
                    holding.countDown();
                    try {
                        done.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                })));
            }
            assertThat(holding.await(10, TimeUnit.SECONDS)).as("every pooled connection taken").isTrue();

            Instant before = seenAt(postgres, node.name());
            Thread.sleep(600);
            Instant after = seenAt(postgres, node.name());

            done.countDown();
            for (Thread thread : busy) {
                thread.join();
            }
            assertThat(after).as("beats written while the only pooled connection was taken").isAfter(before);
        }
    }

    private static Instant seenAt(TestPostgres postgres, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.url(), TestPostgres.USER,
                TestPostgres.PASSWORD);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT seen_at FROM cluster_nodes WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }
}
