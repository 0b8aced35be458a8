package ir.hotline137.benchmarks;

import ir.hotline137.requests.ShippedRequestSettings;
import ir.hotline137.requests.duplicates.DuplicateSettings;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.store.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What durability costs: a register that returns only once its journal record is forced to disk, next to
 * the floor — one record of the same size appended to a file and forced — and how many concurrent
 * registers one force carries (group commit).
 *
 * <pre>
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" ir.hotline137.benchmarks.DurableWriteBenchmark \
 *      --requests 2000 --threads 1,2,4,8,16,32 --seconds 5
 * </pre>
 */
public final class DurableWriteBenchmark {
    private DurableWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("requests", "warmup", "block", "threads", "seconds", "seed",
                "corpus", "dir", "out"));
        int requests = arguments.number("requests", 2_000);
        int warmup = arguments.number("warmup", 300);
        int block = Math.max(1, arguments.number("block", 100));
        int[] threads = arguments.numbers("threads", new int[] {1, 2, 4, 8, 16, 32});
        int seconds = arguments.number("seconds", 5);
        int seed = arguments.number("seed", 137);
        SyntheticRequestText text = SyntheticRequestText.load(arguments.path("corpus", SyntheticRequestText.DEFAULT_CORPUS));
        Path parent = arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir")));
        Report report = new Report(arguments.out(), "DurableWriteBenchmark", String.format(
                "requests=%d warmup=%d block=%d threads=%s seconds=%d seed=%d dir=%s", requests, warmup, block,
                java.util.Arrays.toString(threads), seconds, seed, parent));
        SyntheticRequests made = new SyntheticRequests(text, seed, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                ShippedRequestSettings.duplicates().window());
        try (ScratchFolder scratch = ScratchFolder.create(parent);
             Storage storage = Storage.open(scratch.resolve("data"), BenchmarkStorage.SETTINGS);
             FileChannel raw = FileChannel.open(scratch.resolve("raw.log"), StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE)) {
            MapDbRequestStore store = MapDbRequestStore.open(storage);
            long before = storage.journalEnd();
            store.insert(made.next());
            int recordBytes = (int) (storage.journalEnd() - before);
            ByteBuffer record = ByteBuffer.allocate(recordBytes);

            Latencies ignored = new Latencies(warmup);
            alternate(store, made, raw, record, warmup, block, ignored, new Latencies(warmup));
            Latencies ours = new Latencies(requests);
            Latencies floor = new Latencies(requests);
            alternate(store, made, raw, record, requests, block, ours, floor);
            report.line("   one writer, register (store insert, journal forced):  %s", ours.summary());
            report.line("   one writer, raw forced append of %d B (the floor):    %s", recordBytes, floor.summary());
            report.line("   ratio register/raw: p50 %.2f  p99 %.2f", ours.percentileMillis(50) / floor.percentileMillis(50),
                    ours.percentileMillis(99) / floor.percentileMillis(99));

            for (int n : threads) {
                long[] forcesBefore = storage.forceCounts();
                Latencies concurrent = new Latencies(10_000);
                long started = System.nanoTime();
                int done = concurrently(store, made, n, seconds, concurrent);
                double elapsed = (System.nanoTime() - started) / 1e9;
                long[] forcesAfter = storage.forceCounts();
                long forces = forcesAfter[0] - forcesBefore[0];
                report.line("   %2d writers: %6.0f registers/s, %.1f registers per force; %s", n, done / elapsed,
                        forces == 0 ? 0 : (double) (forcesAfter[1] - forcesBefore[1]) / forces, concurrent.summary());
            }
        }
        System.out.println("   results appended to " + report.file());
    }

    private static void alternate(MapDbRequestStore store, SyntheticRequests made, FileChannel raw, ByteBuffer record,
                                  int count, int block, Latencies ours, Latencies floor) throws IOException {
        for (int done = 0; done < count; done += block) {
            int size = Math.min(block, count - done);
            for (int i = 0; i < size; i++) {
                var request = made.next();
                long started = System.nanoTime();
                store.insert(request);
                ours.add(System.nanoTime() - started);
            }
            for (int i = 0; i < size; i++) {
                record.clear();
                long started = System.nanoTime();
                while (record.hasRemaining()) {
                    raw.write(record);
                }
                raw.force(false);
                floor.add(System.nanoTime() - started);
            }
        }
    }

    private static int concurrently(MapDbRequestStore store, SyntheticRequests made, int threads, int seconds,
                                    Latencies latencies) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        int[] counts = new int[threads];
        List<Latencies> perThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Latencies mine = new Latencies(1_000);
            perThread.add(mine);
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (!stop.get()) {
                    var request = next(made);
                    long started = System.nanoTime();
                    store.insert(request);
                    mine.add(System.nanoTime() - started);
                    counts[thread]++;
                }
            }));
        }
        start.countDown();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        int total = 0;
        for (int t = 0; t < threads; t++) {
            writers.get(t).join();
            total += counts[t];
            latencies.addAll(perThread.get(t));
        }
        return total;
    }

    private static synchronized ir.hotline137.requests.CitizenRequest next(SyntheticRequests made) {
        return made.next();
    }
}
