package ir.hotline137.requests.store;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.mapdb.DB;

/**
 * The way every MapDB file of the data folder is written: one writer at a time, because MapDB has one
 * transaction for the whole file, and each change committed whole or rolled back whole. Readers never wait.
 */
public final class SingleWriter {
    private final DB db;
    private final ReentrantLock lock = new ReentrantLock();

    public SingleWriter(DB db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Runs a change and commits it; durable when this returns. Whatever the change throws (a refusal found
     * before anything was written included) rolls it back and is rethrown.
     */
    public <T> T write(Supplier<T> change) {
        lock.lock();
        try {
            try {
                T result = change.get();
                db.commit();
                return result;
            } catch (RuntimeException | Error e) {
                db.rollback();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes the file once the write in progress, if any, is done; safe to call twice. */
    public void close() {
        lock.lock();
        try {
            if (!db.isClosed()) {
                db.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
