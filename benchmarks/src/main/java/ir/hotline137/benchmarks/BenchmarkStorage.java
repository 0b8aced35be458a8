package ir.hotline137.benchmarks;

import ir.hotline137.store.StoreSettings;
import java.time.Duration;

/** The store settings benchmarks run with: the application's, with no free space kept on a scratch disk. */
final class BenchmarkStorage {
    static final StoreSettings SETTINGS = new StoreSettings(Duration.ofMinutes(1), 0, 64L << 20);

    private BenchmarkStorage() {
    }
}
