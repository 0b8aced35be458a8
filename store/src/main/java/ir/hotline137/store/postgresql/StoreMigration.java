package ir.hotline137.store.postgresql;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One feature's records moved from the data folder into PostgreSQL by {@code migrate-store}: a district's hotline
 * becoming a city's cluster keeps everything it has. The feature hands over its records one by one, each as the write
 * that puts it into PostgreSQL keeping its own numbers, always in the same order (the data folder is not in use while
 * it is read, so the order cannot change); the command commits them in batches together with how many are done, so a
 * run cut short goes on where it stopped, and compares the counts of both sides at the end.
 */
public interface StoreMigration {

    /** What it moves, as the command prints it, e.g. "requests"; also the key its progress is kept under. */
    String what();

    /** Hands {@code copies} the write of each record, in the data folder's order. */
    void forEachRecord(Consumer<Runnable> copies);

    /** How many records the data folder has. */
    long embeddedCount();

    /** How many PostgreSQL has. */
    long postgresqlCount();

    /** Whether PostgreSQL holds anything of this feature: a move begins only into nothing. */
    default boolean postgresqlInUse() {
        return postgresqlCount() > 0;
    }

    /**
     * Refuses, before anything of any feature is moved, a data folder that cannot be moved as it is, saying why and
     * what to do. Nothing to check by default.
     */
    default void check() {
    }

    /**
     * Done once every record is in, in the same transaction as the last mark: what must follow the records (the
     * outbox's place in the requests' changes, say). Nothing by default.
     */
    default void finish() {
    }

    /**
     * A feature's move that is no more than its parts: how its records are handed over, the two counts, and what
     * follows the last record ({@code () -> { }} for nothing).
     */
    static StoreMigration of(String what, Consumer<Consumer<Runnable>> records, LongSupplier embedded,
                             LongSupplier postgresql, Runnable finish) {
        return new StoreMigration() {
            @Override
            public String what() {
                return what;
            }

            @Override
            public void forEachRecord(Consumer<Runnable> copies) {
                records.accept(copies);
            }

            @Override
            public long embeddedCount() {
                return embedded.getAsLong();
            }

            @Override
            public long postgresqlCount() {
                return postgresql.getAsLong();
            }

            @Override
            public void finish() {
                finish.run();
            }
        };
    }
}
