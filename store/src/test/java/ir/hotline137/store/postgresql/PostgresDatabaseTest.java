package ir.hotline137.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.store.StoreRefusedException;
import ir.hotline137.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The database as the stores use it, on a real PostgreSQL: a transaction begun inside another joins it (everything
 * lands or nothing does); nodes starting together migrate a feature once; every connection carries the limits that
 * keep a stalled node from holding everyone's locks; a committed NOTIFY is heard, a rolled-back one never.
 */
class PostgresDatabaseTest {
    @Test
    void aTransactionInsideAnotherJoinsItAndAFailureAnywhereUndoesAll() throws Exception {
        try (TestPostgres postgres = TestPostgres.freshSchema(); PostgresDatabase database = open(postgres)) {
            database.migrate("sample");
            assertThatThrownBy(() -> database.transaction(c -> {
                insert(database, 1, "بیرونی");
                database.transaction(inner -> {
                    assertThat(inner).as("the same connection").isSameAs(c);
                    insert(database, 2, "درونی");
                    return null;
                });
                throw new IllegalStateException("the outer work failed after the inner one returned");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(words(database)).as("neither").isEmpty();

            database.transaction(c -> {
                insert(database, 1, "بیرونی");
                return database.transaction(inner -> insert(database, 2, "درونی"));
            });
            assertThat(words(database)).containsExactly("بیرونی", "درونی");
            assertThatThrownBy(() -> insert(database, 1, "again")).isInstanceOf(StoreRefusedException.class)
                    .hasMessageContaining("23505");
            assertThat(database.inTransaction()).isFalse();
        }
    }

    @Test
    void nodesStartingTogetherMigrateAFeatureOnceAndEachConnectionHasTheLimits() throws Exception {
        try (TestPostgres postgres = TestPostgres.freshSchema()) {
            List<Thread> nodes = new ArrayList<>();
            Set<Throwable> failed = ConcurrentHashMap.newKeySet();
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 3; i++) {
                nodes.add(Thread.ofVirtual().start(() -> {
                    try (PostgresDatabase node = open(postgres)) {
                        go.await();
                        node.migrate("sample");
                    } catch (Throwable failure) {
                        failed.add(failure);
                    }
                }));
            }
            go.countDown();
            for (Thread node : nodes) {
                node.join();
            }
            assertThat(failed).isEmpty();
            try (PostgresDatabase database = open(postgres)) {
                long applied = database.transaction(c -> {
                    try (PreparedStatement count = c.prepareStatement(
                            "SELECT count(*) FROM schema_history_sample WHERE success AND version = '1'");
                         ResultSet row = count.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                });
                assertThat(applied).as("applied once").isEqualTo(1);
                assertThat(setting(database, "idle_in_transaction_session_timeout")).isEqualTo("10s");
                assertThat(setting(database, "lock_timeout")).isEqualTo("5s");
            }
        }
    }

    /**
     * The session limits are given as the connection starts: set by a statement with auto-commit off, they left every
     * fresh connection idle in a transaction, and the limit itself ended it in the pool ten seconds later.
     */
    @Test
    void aConnectionWaitingInThePoolIsNotIdleInATransaction() throws Exception {
        try (TestPostgres postgres = TestPostgres.freshSchema(); PostgresDatabase database = open(postgres)) {
            database.transaction(c -> 1);
            Thread.sleep(1500); // the pool opens its other connections in the background
            try (Connection watcher = DriverManager.getConnection(postgres.url(), TestPostgres.USER,
                    TestPostgres.PASSWORD);
                 PreparedStatement idle = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                         + "WHERE usename = current_user AND state = 'idle in transaction'");
                 ResultSet row = idle.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isZero();
            }
        }
    }

    @Test
    void aCommittedNoticeIsHeardAndARolledBackOneNever() throws Exception {
        try (TestPostgres postgres = TestPostgres.freshSchema(); PostgresDatabase database = open(postgres)) {
            Set<String> heard = ConcurrentHashMap.newKeySet();
            CountDownLatch committed = new CountDownLatch(1);
            try (PostgresDatabase.Listening ears = database.listen("sample_said", payload -> {
                heard.add(payload);
                if (payload.equals("kept")) {
                    committed.countDown();
                }
            }, () -> { })) {
                assertThat(ears.awaitListening(Duration.ofSeconds(10))).isTrue();
                assertThatThrownBy(() -> database.transaction(c -> {
                    say(c, "undone");
                    throw new IllegalStateException("rolled back");
                })).isInstanceOf(IllegalStateException.class);
                database.transaction(c -> say(c, "kept"));
                assertThat(committed.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(heard).containsExactly("kept");
            }
        }
    }

    private static PostgresDatabase open(TestPostgres postgres) {
        return PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 3));
    }

    private static Object insert(PostgresDatabase database, int id, String words) {
        return database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO sample (id, words) VALUES (?, ?)")) {
                insert.setInt(1, id);
                insert.setString(2, words);
                return insert.executeUpdate();
            }
        });
    }

    private static List<String> words(PostgresDatabase database) {
        return database.transaction(c -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT words FROM sample ORDER BY id");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(row.getString(1));
                }
            }
            return found;
        });
    }

    private static String setting(PostgresDatabase database, String name) {
        return database.transaction(c -> {
            try (PreparedStatement show = c.prepareStatement("SELECT current_setting(?)")) {
                show.setString(1, name);
                try (ResultSet row = show.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }

    private static Object say(Connection c, String payload) throws SQLException {
        try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify('sample_said', ?)")) {
            notify.setString(1, payload);
            return notify.execute();
        }
    }
}
