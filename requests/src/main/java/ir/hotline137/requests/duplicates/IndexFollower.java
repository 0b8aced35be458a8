package ir.hotline137.requests.duplicates;

import ir.hotline137.requests.store.RequestStore;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's duplicate index following a store that other nodes write too: it re-indexes every change after
 * the last revision it has read, in revision order, at its start, when woken (another node's commit, said through the
 * store; the listening connection opened again) and on a timer.
 *
 * <p>Its mark is the last revision it read from the store, never the index's own highest: this node indexes its own
 * registrations at once, and their revisions may be past another node's change this follower has not read yet.
 * Reading a change twice only indexes the request again.
 */
public final class IndexFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

    private final RequestStore store;
    private final DuplicateIndex index;
    private final ReentrantLock following = new ReentrantLock();
    private final Object wakeUp = new Object();
    private final Thread thread;
    private volatile long mark;
    private volatile boolean woken;
    private volatile boolean closed;

    /**
     * @param from  the revision the index is known to reflect all of (after start-up's reconciliation, the store's)
     * @param every how often it looks without being woken
     */
    public IndexFollower(RequestStore store, DuplicateIndex index, long from, Duration every) {
        this.store = store;
        this.index = index;
        this.mark = from;
        this.thread = Thread.ofVirtual().name("index-follower").start(() -> run(every.toMillis()));
    }

    /** Another node committed a change: read it now. */
    public void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    /** The last revision read from the store. */
    public long mark() {
        return mark;
    }

    /** Reads and indexes every change after the mark; returns how many. */
    public int catchUp() {
        following.lock();
        try {
            int[] read = {0};
            store.forEachChangeSince(mark, (request, revision) -> {
                index.index(request);
                mark = revision;
                read[0]++;
            });
            return read[0];
        } finally {
            following.unlock();
        }
    }

    private void run(long everyMillis) {
        // What was committed between the start-up's reading of the store and this follower's first wake-up.
        try {
            catchUp();
        } catch (RuntimeException failed) {
            log.warn("following the store into the duplicate index failed ({}); trying again", failed.toString());
        }
        while (!closed) {
            try {
                synchronized (wakeUp) {
                    if (!woken) {
                        wakeUp.wait(everyMillis);
                    }
                    woken = false;
                }
                if (!closed) {
                    catchUp();
                }
            } catch (InterruptedException interrupted) {
                return;
            } catch (RuntimeException failed) {
                log.warn("following the store into the duplicate index failed ({}); trying again", failed.toString());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        wake();
        thread.join();
    }
}
