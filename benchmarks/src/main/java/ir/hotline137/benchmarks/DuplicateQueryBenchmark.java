package ir.hotline137.benchmarks;

import ir.hotline137.requests.ShippedRequestSettings;
import ir.hotline137.requests.duplicates.DuplicateQuery;
import ir.hotline137.requests.duplicates.DuplicateSettings;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How long a duplicate search takes over N open requests, against plain Lucene BM25 on the same index,
 * and how fast that index is built (the speed of a rebuild, minus reading the store).
 *
 * <pre>--requests N (100000) --warmup 2000 --queries 5000 --seed 137 --corpus TSV --dir TEMP-PARENT --out FILE</pre>
 */
public final class DuplicateQueryBenchmark {
    private static final DuplicateSettings SETTINGS = ShippedRequestSettings.duplicates();

    private record Sample(int district, String category, String text) {
    }

    private DuplicateQueryBenchmark() {
    }

    public static void main(String[] args) {
        Arguments arguments = new Arguments(args, Set.of("requests", "warmup", "queries", "seed", "corpus", "dir", "out"));
        int requests = arguments.number("requests", 100_000);
        int warmup = arguments.number("warmup", 2_000);
        int queries = arguments.number("queries", 5_000);
        int seed = arguments.number("seed", 137);
        SyntheticRequestText text = SyntheticRequestText.load(arguments.path("corpus", SyntheticRequestText.DEFAULT_CORPUS));
        Report report = new Report(arguments.out(), "DuplicateQueryBenchmark",
                String.format("requests=%d warmup=%d queries=%d seed=%d vocabulary=%d", requests, warmup, queries, seed,
                        text.vocabularySize()));
        // one fixed "now" for building and querying, so every request stays inside the 30-day window
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (ScratchFolder scratch = ScratchFolder.create(arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir"))))) {
            Path indexFolder = scratch.resolve("index");
            build(report, indexFolder, new SyntheticRequests(text, seed, now, SETTINGS.window()), requests);
            List<Sample> samples = samples(text, seed + 1, warmup + queries);
            compare(report, indexFolder, samples, warmup, now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("   results appended to " + report.file());
    }

    /** Indexes through the real index, the way a rebuild does: one document at a time, one commit at the end. */
    private static void build(Report report, Path indexFolder, SyntheticRequests requests, int count)
            throws IOException {
        LuceneDuplicateIndex index = LuceneDuplicateIndex.open(indexFolder, new PersianTextAnalyzer(), SETTINGS);
        long started = System.nanoTime();
        long lastProgress = started;
        for (int i = 1; i <= count; i++) {
            index.index(requests.next());
            if (i % 10_000 == 0 && System.nanoTime() - lastProgress > 10_000_000_000L) {
                lastProgress = System.nanoTime();
                Report.progress("indexed %,d of %,d (%.0f/s)", i, count, i / ((lastProgress - started) / 1e9));
            }
        }
        index.commit();
        double seconds = (System.nanoTime() - started) / 1e9;
        long closing = System.nanoTime();
        // closing waits for the merges still running, so both searches below see the same finished segments
        index.close();
        double closeSeconds = (System.nanoTime() - closing) / 1e9;
        report.line("   index build (rebuild throughput): %,d requests in %.1f s = %,.0f requests/s (including the final commit)",
                count, seconds, count / seconds);
        report.line("   then %.1f s closing (pending merges); index on disk %,.1f MB", closeSeconds,
                ScratchFolder.sizeInBytes(indexFolder) / 1e6);
    }

    private static List<Sample> samples(SyntheticRequestText text, long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(new Sample(1 + random.nextInt(SyntheticRequests.DISTRICTS),
                    SyntheticRequests.CATEGORIES.get(random.nextInt(SyntheticRequests.CATEGORIES.size())),
                    text.next(random)));
        }
        return samples;
    }

    /**
     * Each sample goes to both searches back to back, the order flipping every time, so neither always
     * finds the other's pages and caches warm.
     */
    private static void compare(Report report, Path indexFolder, List<Sample> samples, int warmup, Instant now)
            throws IOException {
        Latencies ours = new Latencies(samples.size() - warmup);
        Latencies plain = new Latencies(samples.size() - warmup);
        long found = 0;
        long hits = 0;
        try (LuceneDuplicateIndex index = openForSearch(indexFolder);
             PlainBm25Search reference = new PlainBm25Search(indexFolder, new PersianTextAnalyzer(), SETTINGS.window())) {
            for (int i = 0; i < samples.size(); i++) {
                Sample sample = samples.get(i);
                boolean measured = i >= warmup;
                DuplicateQuery query = new DuplicateQuery(sample.district(), Optional.of(sample.category()),
                        sample.text(), now);
                for (int turn = 0; turn < 2; turn++) {
                    if ((turn == 0) == (i % 2 == 0)) {
                        long started = System.nanoTime();
                        int size = index.findDuplicates(query).size();
                        long elapsed = System.nanoTime() - started;
                        if (measured) {
                            ours.add(elapsed);
                            found += size;
                        }
                    } else {
                        long started = System.nanoTime();
                        int size = reference.search(sample.district(), sample.text(), now).scoreDocs.length;
                        long elapsed = System.nanoTime() - started;
                        if (measured) {
                            plain.add(elapsed);
                            hits += size;
                        }
                    }
                }
                if (i + 1 == warmup) {
                    Report.progress("warm-up done (%,d queries each)", warmup);
                }
            }
            report.line("   searched index: %,d documents", reference.documents());
        }
        report.line("   duplicate query (ours, LuceneDuplicateIndex.findDuplicates): %s", ours.summary());
        report.line("   reference (plain Lucene BM25 top 10, same filters):           %s", plain.summary());
        report.line("   ratio ours/plain: p50 %.2f  p99 %.2f", ours.percentileMillis(50) / plain.percentileMillis(50),
                ours.percentileMillis(99) / plain.percentileMillis(99));
        report.line("   per query: %.2f likely duplicates (ours), %.2f BM25 hits (plain)",
                (double) found / Math.max(1, ours.count()), (double) hits / Math.max(1, plain.count()));
    }

    private static LuceneDuplicateIndex openForSearch(Path indexFolder) throws IOException {
        return LuceneDuplicateIndex.open(indexFolder, new PersianTextAnalyzer(), SETTINGS);
    }
}
