package ir.hotline137.store.postgresql;

import ir.hotline137.store.StoreRefusedException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves each feature's records from the data folder into PostgreSQL ({@link StoreMigration}), in batches committed
 * with how many are done, so that a run cut short (a power cut, a ^C) is simply run again; then compares the counts.
 * PostgreSQL must be empty of a feature this command has not begun moving: it moves a district's data into a new
 * cluster, never merges two.
 */
public final class MigrateStore {
    /** Records per transaction: large enough that commits cost little, small enough that a cut loses a moment. */
    static final int BATCH = 500;

    private final PostgresDatabase database;
    private final PrintStream out;

    public MigrateStore(PostgresDatabase database, PrintStream out) {
        this.database = database;
        this.out = out;
        database.migrate("store-migration");
    }

    /** @return whether every feature's counts agree on both sides */
    public boolean run(List<StoreMigration> migrations) {
        migrations.forEach(StoreMigration::check);
        boolean agree = true;
        for (StoreMigration migration : migrations) {
            agree &= move(migration);
        }
        return agree;
    }

    private boolean move(StoreMigration migration) {
        String what = migration.what();
        Mark mark = mark(what).orElseGet(() -> begin(migration));
        if (!mark.finished() && mark.embedded() != migration.embeddedCount()) {
            // Going on by counting what is done is right only over the very records the move began with.
            throw new StoreRefusedException("the data folder has changed since migrate-store began moving its "
                    + what + " (" + mark.embedded() + " then, " + migration.embeddedCount() + " now): the hotline "
                    + "must not run on it during a move; empty PostgreSQL and begin again");
        }
        if (!mark.finished()) {
            if (mark.done() > 0) {
                out.printf("  %s: going on after the %d moved by an earlier run%n", what, mark.done());
            }
            long[] done = {mark.done()};
            long[] seen = {0};
            List<Runnable> batch = new ArrayList<>(BATCH);
            migration.forEachRecord(copy -> {
                if (seen[0]++ < mark.done()) {
                    return; // moved by an earlier run
                }
                batch.add(copy);
                if (batch.size() == BATCH) {
                    done[0] = commit(what, batch, done[0], false, migration);
                    if (done[0] % (BATCH * 20) == 0) {
                        out.printf("  %s: %d moved%n", what, done[0]);
                    }
                }
            });
            done[0] = commit(what, batch, done[0], true, migration);
        }
        long embedded = migration.embeddedCount();
        long postgresql = migration.postgresqlCount();
        boolean agree = embedded == postgresql;
        out.printf("%s: %d in the data folder, %d in PostgreSQL%s%n", what, embedded, postgresql,
                agree ? "" : "  ← NOT THE SAME");
        return agree;
    }

    private long commit(String what, List<Runnable> batch, long done, boolean last, StoreMigration migration) {
        long now = done + batch.size();
        database.transaction(c -> {
            batch.forEach(Runnable::run);
            if (last) {
                migration.finish();
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE store_migration SET done = ?, finished = ? WHERE what = ?")) {
                update.setLong(1, now);
                update.setBoolean(2, last);
                update.setString(3, what);
                update.executeUpdate();
            }
            return null;
        });
        batch.clear();
        return now;
    }

    private Mark begin(StoreMigration migration) {
        if (migration.postgresqlInUse()) {
            throw new StoreRefusedException("PostgreSQL already holds " + migration.what() + " ("
                    + migration.postgresqlCount() + ") that migrate-store did not move there, or a node has run on "
                    + "it: it moves a data folder into an empty PostgreSQL, never into one in use");
        }
        long embedded = migration.embeddedCount();
        return database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO store_migration (what, embedded, done) VALUES (?, ?, 0)")) {
                insert.setString(1, migration.what());
                insert.setLong(2, embedded);
                insert.executeUpdate();
            }
            return new Mark(embedded, 0, false);
        });
    }

    private Optional<Mark> mark(String what) {
        return database.transaction(c -> read(c, what));
    }

    private static Optional<Mark> read(Connection c, String what) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT embedded, done, finished FROM store_migration WHERE what = ?")) {
            select.setString(1, what);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Mark(row.getLong(1), row.getLong(2), row.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Sets a table's id sequence past the largest id moved into it, so that what is numbered next follows what came
     * from the data folder; for a feature's {@link StoreMigration#finish}.
     */
    public static void idsFollow(Connection c, String sequence, String table) throws SQLException {
        if (!sequence.matches("[a-z0-9_]+") || !table.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("a sequence or table is lower-case letters, digits and underscores");
        }
        try (PreparedStatement follow = c.prepareStatement("SELECT setval('" + sequence + "', max(id)) FROM " + table
                + " HAVING max(id) IS NOT NULL")) {
            follow.executeQuery().close();
        }
    }

    private record Mark(long embedded, long done, boolean finished) {
    }
}
