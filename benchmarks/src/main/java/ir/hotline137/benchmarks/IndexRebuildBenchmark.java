package ir.hotline137.benchmarks;

import ir.hotline137.requests.ShippedRequestSettings;
import ir.hotline137.requests.duplicates.DuplicateSettings;
import ir.hotline137.requests.duplicates.IndexReconciliation;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.store.DataFolder;
import ir.hotline137.store.Storage;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The {@code rebuild-index} path end to end: every request read back from the MapDB store and indexed
 * again by {@link IndexReconciliation#rebuild}. The store is filled through its own insert, one commit per
 * request as in production, which is slow: that fill time is reported too, but it is not what is measured.
 *
 * <pre>--requests N (20000) --rounds 2 --seed 137 --corpus TSV --dir TEMP-PARENT --out FILE</pre>
 */
public final class IndexRebuildBenchmark {
    private IndexRebuildBenchmark() {
    }

    public static void main(String[] args) {
        Arguments arguments = new Arguments(args, Set.of("requests", "rounds", "seed", "corpus", "dir", "out"));
        int requests = arguments.number("requests", 20_000);
        int rounds = arguments.number("rounds", 2);
        int seed = arguments.number("seed", 137);
        SyntheticRequestText text = SyntheticRequestText.load(arguments.path("corpus", SyntheticRequestText.DEFAULT_CORPUS));
        Report report = new Report(arguments.out(), "IndexRebuildBenchmark",
                String.format("requests=%d rounds=%d seed=%d", requests, rounds, seed));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SyntheticRequests made = new SyntheticRequests(text, seed, now, ShippedRequestSettings.duplicates().window());
        try (ScratchFolder scratch = ScratchFolder.create(arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir"))))) {
            try (Storage storage = Storage.open(scratch.resolve("data"), BenchmarkStorage.SETTINGS)) {
                fillAndRebuild(report, storage.folder(), MapDbRequestStore.open(storage), made, requests, rounds);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("   results appended to " + report.file());
    }

    private static void fillAndRebuild(Report report, DataFolder folder, MapDbRequestStore store, SyntheticRequests made,
                                       int requests, int rounds) throws IOException {
        long started = System.nanoTime();
        for (int i = 1; i <= requests; i++) {
            store.insert(made.next());
            if (i % 5_000 == 0) {
                Report.progress("stored %,d of %,d", i, requests);
            }
        }
        double fillSeconds = (System.nanoTime() - started) / 1e9;
        report.line("   store fill (not the benchmark): %,d inserts in %.1f s = %,.0f inserts/s; store file %,.1f MB",
                requests, fillSeconds, requests / fillSeconds, ScratchFolder.sizeInBytes(folder.requestsFile()) / 1e6);
        try (LuceneDuplicateIndex index = LuceneDuplicateIndex.open(folder.indexFolder(), new PersianTextAnalyzer(),
                ShippedRequestSettings.duplicates())) {
            // later rounds run on a warm JIT and replace an existing index, as the rebuild-index command does
            for (int round = 1; round <= rounds; round++) {
                long roundStarted = System.nanoTime();
                IndexReconciliation.Rebuilt rebuilt = IndexReconciliation.rebuild(store, index);
                double seconds = (System.nanoTime() - roundStarted) / 1e9;
                report.line("   rebuild round %d: %,d requests in %.1f s = %,.0f requests/s (store read + index + commit)",
                        round, rebuilt.requests(), seconds, rebuilt.requests() / seconds);
            }
        }
    }
}
