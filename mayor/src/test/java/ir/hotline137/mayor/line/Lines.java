package ir.hotline137.mayor.line;

import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The mayor's lines every line test asks the same of: one node's, in memory, and a cluster's, shared through a real
 * PostgreSQL in a schema of the test's own.
 */
enum Lines {
    ALONE, SHARED;

    /** A line of this kind, keeping nothing, and what to close after the test, last opened first. */
    Opened open(Clock clock) {
        if (this == ALONE) {
            Opened opened = new Opened();
            opened.line = new MayorLine(clock, Fixtures.KEPT_NOWHERE, Fixtures.CONVERSATION);
            return opened;
        }
        Opened opened = cluster();
        opened.line = opened.node(opened.database(), "node-a", clock, Fixtures.KEPT_NOWHERE);
        return opened;
    }

    /** A schema for a cluster's nodes, none of which is made yet. */
    static Opened cluster() {
        Opened opened = new Opened();
        opened.schema = TestPostgres.freshSchema();
        opened.closing.push(opened.schema);
        return opened;
    }

    static final class Opened implements AutoCloseable {
        MayorLine line;
        private TestPostgres schema;
        private final Deque<AutoCloseable> closing = new ArrayDeque<>();

        /** Where a shared line's PostgreSQL schema is, for a test's own connection. */
        String url() {
            return schema.url();
        }

        /** The database of a shared line, for a test to read what it wrote. */
        PostgresDatabase database() {
            PostgresDatabase database = PostgresDatabase.open(
                    new PostgresSettings(schema.url(), TestPostgres.USER, TestPostgres.PASSWORD, 6));
            closing.push(database);
            return database;
        }

        /** A node of the shared line, on its own pool; closed with the rest. */
        MayorLine node(PostgresDatabase database, String name, Clock clock, MayorLineKeeper keeper) {
            return line(database, member(database, name), clock, keeper);
        }

        /** A node's place in the cluster, beating until closed (with the rest, or by a test killing the node). */
        ClusterNode member(PostgresDatabase database, String name) {
            return closeLater(ClusterNode.join(database, name, Duration.ofMillis(200)));
        }

        MayorLine line(PostgresDatabase database, ClusterNode node, Clock clock, MayorLineKeeper keeper) {
            return closeLater(MayorLine.shared(clock, keeper, Fixtures.CONVERSATION, database, node,
                    Duration.ofMillis(200)));
        }

        /** Closed after the test, before what was opened earlier. */
        <T extends AutoCloseable> T closeLater(T closable) {
            closing.push(closable);
            return closable;
        }

        @Override
        public void close() throws Exception {
            while (!closing.isEmpty()) {
                closing.pop().close();
            }
        }
    }
}
