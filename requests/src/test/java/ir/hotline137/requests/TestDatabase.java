package ir.hotline137.requests;

import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A schema of its own in the tests' PostgreSQL that a store's contract test opens, opens again (as a node restarting)
 * and drops.
 */
public final class TestDatabase implements AutoCloseable {
    private TestPostgres postgres;
    private PostgresDatabase database;
    private ClusterNode node;

    public PostgresDatabase open() {
        postgres = TestPostgres.freshSchema();
        return connect();
    }

    public PostgresDatabase reopen() {
        leave();
        database.close();
        return connect();
    }

    /** This test's node of the cluster ("node-a"), on the database as opened now. */
    public ClusterNode node() {
        if (node == null) {
            node = ClusterNode.join(database, "node-a", Duration.ofSeconds(1));
        }
        return node;
    }

    private void leave() {
        if (node != null) {
            try {
                node.close();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            node = null;
        }
    }

    /** Another node's way into the same schema, for the caller to close. */
    public PostgresDatabase anotherNode() {
        return PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 2));
    }

    private PostgresDatabase connect() {
        database = anotherNode();
        return database;
    }

    @Override
    public void close() throws SQLException {
        leave();
        if (database != null) {
            database.close();
            postgres.close();
        }
    }
}
