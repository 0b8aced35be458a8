package ir.hotline137.requests.duplicates;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.store.RequestStore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the duplicate index in line with the store, which is the truth. Run at start-up, and on demand
 * by the {@code rebuild-index} command.
 */
public final class IndexReconciliation {
    private static final Logger log = LoggerFactory.getLogger(IndexReconciliation.class);
    private static final long PROGRESS_EVERY_MILLIS = 2_000;

    /** What a reconciliation did. */
    public sealed interface Outcome permits UpToDate, CaughtUp, Rebuilt {
    }

    public record UpToDate(long requests) implements Outcome {
    }

    /** The index had missed the last {@code reindexed} changes (e.g. a crash before its commit). */
    public record CaughtUp(long reindexed) implements Outcome {
    }

    public record Rebuilt(long requests, long millis) implements Outcome {
    }

    private IndexReconciliation() {
    }

    /**
     * Up to date: nothing to do. Behind the store: re-index what changed since the index's revision.
     * Ahead of the store, or still not matching: rebuild from scratch.
     */
    public static Outcome reconcile(RequestStore store, DuplicateIndex index) {
        long storeRevision = store.revision();
        long indexRevision = index.revision();
        if (indexRevision == storeRevision && index.size() == store.count()) {
            return new UpToDate(store.count());
        }
        if (indexRevision < storeRevision && index.size() <= store.count()) {
            log.info("duplicate index is behind the store (revision {} of {}): catching up", indexRevision, storeRevision);
            Progress progress = new Progress("catching up the duplicate index", -1);
            store.forEachChangedSince(indexRevision, progress.andThen(index::index));
            index.commit();
            if (index.size() == store.count() && index.revision() == storeRevision) {
                log.info("duplicate index caught up: {} requests re-indexed", progress.done);
                return new CaughtUp(progress.done);
            }
        }
        log.info("duplicate index does not match the store (index: {} requests at revision {}; store: {} at {}): rebuilding",
                index.size(), index.revision(), store.count(), storeRevision);
        return rebuild(store, index);
    }

    /** Drops the index and indexes every stored request again, logging progress. */
    public static Rebuilt rebuild(RequestStore store, DuplicateIndex index) {
        long started = System.nanoTime();
        index.clear();
        Progress progress = new Progress("rebuilding the duplicate index", store.count());
        store.forEach(progress.andThen(index::index));
        index.commit();
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("duplicate index rebuilt: {} requests in {} ms", progress.done, millis);
        return new Rebuilt(progress.done, millis);
    }

    /** Counts requests and logs every couple of seconds, so a long rebuild is visibly alive. */
    private static final class Progress implements Consumer<CitizenRequest> {
        private final String what;
        private final long total;
        private long done;
        private long lastLog = System.currentTimeMillis();

        Progress(String what, long total) {
            this.what = what;
            this.total = total;
        }

        @Override
        public void accept(CitizenRequest request) {
            done++;
            long now = System.currentTimeMillis();
            if (now - lastLog >= PROGRESS_EVERY_MILLIS) {
                lastLog = now;
                if (total > 0) {
                    log.info("{}: {} of {} requests ({}%)", what, done, total, done * 100 / total);
                } else {
                    log.info("{}: {} requests", what, done);
                }
            }
        }
    }
}
