package ir.hotline137.benchmarks;

import ir.hotline137.requests.ShippedRequestSettings;
import ir.hotline137.requests.District;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.category.CategorySuggester;
import ir.hotline137.requests.duplicates.DuplicateSettings;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.store.Storage;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

/**
 * How long a caller waits for a durable registration ({@link RequestDesk#register}: checks, category guess,
 * store commit, index update) against the floor set by the storage itself: one plain MapDB put and commit
 * of a similar size in a file opened the same way (write-ahead log, file channel).
 *
 * <pre>--requests N (2000) --warmup 300 --block 100 --seed 137 --corpus TSV --dir TEMP-PARENT --out FILE</pre>
 */
public final class RegisterBenchmark {
    /**
     * What a stored request holds besides its description (code, times, caller, category, status, one
     * history line) comes to about this many bytes in the store's codec.
     */
    private static final int STORED_FIELDS_BYTES = 150;
    private static final List<Category> CATEGORIES = List.of(
            new Category("lighting", "روشنایی", List.of("چراغ", "لامپ", "تیر برق", "روشنایی", "خاموش", "تاریک"),
                    "برق و روشنایی", 3),
            new Category("pothole", "چاله و آسفالت", List.of("چاله", "آسفالت", "دست انداز", "گودال", "ترانشه"),
                    "عمران", 7),
            new Category("cleaning", "پسماند و نظافت", List.of("زباله", "آشغال", "مخزن", "نخاله", "بوی تعفن"),
                    "خدمات شهری", 2),
            new Category("flooding", "آب‌گرفتگی", List.of("آبگرفتگی", "آب گرفتگی", "باران", "جوی", "سیلاب"),
                    "خدمات شهری", 1),
            new Category("other", "سایر", List.of(), "دفتر ارتباطات مردمی", 7));

    private RegisterBenchmark() {
    }

    public static void main(String[] args) {
        Arguments arguments = new Arguments(args, Set.of("requests", "warmup", "block", "seed", "corpus", "dir", "out"));
        int requests = arguments.number("requests", 2_000);
        int warmup = arguments.number("warmup", 300);
        int block = Math.max(1, arguments.number("block", 100));
        int seed = arguments.number("seed", 137);
        SyntheticRequestText text = SyntheticRequestText.load(arguments.path("corpus", SyntheticRequestText.DEFAULT_CORPUS));
        Path parent = arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir")));
        Report report = new Report(arguments.out(), "RegisterBenchmark",
                String.format("requests=%d warmup=%d block=%d seed=%d dir=%s", requests, warmup, block, seed, parent));
        try (ScratchFolder scratch = ScratchFolder.create(parent);
             DeskRegistration desk = new DeskRegistration(scratch.resolve("data"), text, seed);
             PlainMapDbCommit plain = new PlainMapDbCommit(scratch.resolve("plain.mapdb"), text, seed)) {
            // blocks of each in turn, so that neither gets all of the quiet moments or all of the busy ones;
            // the warm-up's timings are thrown away
            alternate(desk, plain, warmup, block, new Latencies(warmup), new Latencies(warmup));
            Report.progress("warm-up done (%,d registrations each)", warmup);
            Latencies ours = new Latencies(requests);
            Latencies floor = new Latencies(requests);
            long started = System.nanoTime();
            alternate(desk, plain, requests, block, ours, floor);
            double seconds = (System.nanoTime() - started) / 1e9;
            report.line("   register (ours, RequestDesk.register, durable): %s", ours.summary());
            report.line("   reference (plain MapDB put + commit, %d B avg):   %s", plain.averageValueBytes(), floor.summary());
            report.line("   ratio ours/plain: p50 %.2f  p99 %.2f", ours.percentileMillis(50) / floor.percentileMillis(50),
                    ours.percentileMillis(99) / floor.percentileMillis(99));
            report.line("   single writer: %.0f registrations/s (ours) vs %.0f commits/s (plain), %.1f s in all",
                    1000 / ours.meanMillis(), 1000 / floor.meanMillis(), seconds);
        }
        System.out.println("   results appended to " + report.file());
    }

    private static void alternate(DeskRegistration desk, PlainMapDbCommit plain, int count, int block,
                                  Latencies ours, Latencies floor) {
        for (int done = 0; done < count; done += block) {
            int size = Math.min(block, count - done);
            for (int i = 0; i < size; i++) {
                ours.add(desk.registerOne());
            }
            for (int i = 0; i < size; i++) {
                floor.add(plain.commitOne());
            }
        }
    }

    /** The production path, wired as the application wires it. */
    private static final class DeskRegistration implements AutoCloseable {
        private final Storage storage;
        private final MapDbRequestStore store;
        private final LuceneDuplicateIndex index;
        private final RequestDesk desk;
        private final SyntheticRequestText text;
        private final SplittableRandom random;

        DeskRegistration(Path folder, SyntheticRequestText text, long seed) {
            this.storage = Storage.open(folder, BenchmarkStorage.SETTINGS);
            this.store = MapDbRequestStore.open(storage);
            try {
                this.index = LuceneDuplicateIndex.open(storage.folder().indexFolder(), new PersianTextAnalyzer(),
                        ShippedRequestSettings.duplicates());
            } catch (IOException e) {
                storage.close();
                throw new UncheckedIOException(e);
            }
            List<District> districts = IntStream.rangeClosed(1, SyntheticRequests.DISTRICTS)
                    .mapToObj(n -> new District(n, "منطقه " + n)).toList();
            this.desk = new RequestDesk(store, index, districts, CATEGORIES, new CategorySuggester(CATEGORIES, "other"),
                    Clock.systemUTC(), new Random(1));
            this.text = text;
            this.random = new SplittableRandom(seed);
        }

        /** Nanoseconds for one registration; the input is made before the clock starts. */
        long registerOne() {
            NewRequest input = NewRequest.fromCaller(String.format("0912%07d", random.nextInt(10_000_000)),
                    1 + random.nextInt(SyntheticRequests.DISTRICTS), text.next(random), RequestSource.IVR_SPEECH);
            long started = System.nanoTime();
            desk.register(input);
            return System.nanoTime() - started;
        }

        @Override
        public void close() {
            index.close();
            storage.close();
        }
    }

    /** The storage floor: the same file options as the store, one map, one put, one commit. */
    private static final class PlainMapDbCommit implements AutoCloseable {
        private final DB db;
        private final HTreeMap<String, byte[]> map;
        private final SyntheticRequestText text;
        private final SplittableRandom random;
        private final Random codes;
        private final Set<String> usedCodes = new HashSet<>();
        private long valueBytes;
        private long commits;

        PlainMapDbCommit(Path file, SyntheticRequestText text, long seed) {
            this.db = DBMaker.fileDB(file.toFile()).transactionEnable().fileChannelEnable().make();
            this.map = db.hashMap("requests", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
            this.text = text;
            this.random = new SplittableRandom(seed + 1);
            this.codes = new Random(seed + 1);
        }

        long commitOne() {
            String key;
            do {
                key = TrackingCode.random(codes).value();
            } while (!usedCodes.add(key));
            byte[] description = text.next(random).getBytes(StandardCharsets.UTF_8);
            byte[] value = new byte[description.length + STORED_FIELDS_BYTES];
            System.arraycopy(description, 0, value, 0, description.length);
            valueBytes += value.length;
            commits++;
            long started = System.nanoTime();
            map.put(key, value);
            db.commit();
            return System.nanoTime() - started;
        }

        long averageValueBytes() {
            return commits == 0 ? 0 : valueBytes / commits;
        }

        @Override
        public void close() {
            db.close();
        }
    }
}
