package ir.hotline137.switchboard;

import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The switchboards every switchboard test asks the same of: the one in memory, and the one shared through a real
 * PostgreSQL, in a schema of the test's own.
 */
enum Boards {
    IN_MEMORY, POSTGRESQL;

    /** A switchboard of this kind and what to close after the test, last opened first. */
    Opened open(Clock clock) {
        Opened opened = new Opened();
        if (this == IN_MEMORY) {
            opened.switchboard = new LocalSwitchboard(clock);
            return opened;
        }
        TestPostgres schema = TestPostgres.freshSchema();
        opened.closing.push(schema);
        opened.switchboard = opened.node(schema, "node-a", clock);
        opened.schema = schema;
        return opened;
    }

    static final class Opened implements AutoCloseable {
        Switchboard switchboard;
        private TestPostgres schema;
        private final Deque<AutoCloseable> closing = new ArrayDeque<>();

        /** Another node on the same switchboard, for tests of a cluster; closed with the rest. */
        PostgresSwitchboard anotherNode(String name, Clock clock) {
            return node(schema, name, clock);
        }

        private PostgresSwitchboard node(TestPostgres schema, String name, Clock clock) {
            // Enough connections for the tests' racing threads, each of which holds one while it waits for the line.
            PostgresDatabase database = PostgresDatabase.open(
                    new PostgresSettings(schema.url(), TestPostgres.USER, TestPostgres.PASSWORD, 12));
            closing.push(database);
            ClusterNode node = ClusterNode.join(database, name, Duration.ofSeconds(1));
            closing.push(node);
            PostgresSwitchboard switchboard = PostgresSwitchboard.open(database, node, clock, Duration.ofMillis(200));
            closing.push(switchboard);
            return switchboard;
        }

        @Override
        public void close() throws Exception {
            while (!closing.isEmpty()) {
                closing.pop().close();
            }
        }
    }
}
