package ir.hotline137.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How the data folder is kept.
 *
 * @param checkpointInterval how often the MapDB files are made durable where they stand; after a crash
 *                           only the journal written since is replayed
 * @param minFreeSpace       bytes that must stay free on the data folder's disk: below this, new writes are
 *                           refused (reads go on) until space is freed, so no change is ever cut in half
 * @param segmentSize        bytes after which the journal goes on in a new segment file
 */
public record StoreSettings(Duration checkpointInterval, long minFreeSpace, long segmentSize) {
    public StoreSettings {
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("hotline.embedded-store.checkpoint-interval must be positive, not " + checkpointInterval);
        }
        if (minFreeSpace < 0) {
            throw new IllegalArgumentException("hotline.embedded-store.min-free-space must not be negative");
        }
        if (segmentSize < 4096) {
            throw new IllegalArgumentException("hotline.embedded-store.segment-size must be at least 4 KB, not " + segmentSize);
        }
    }
}
