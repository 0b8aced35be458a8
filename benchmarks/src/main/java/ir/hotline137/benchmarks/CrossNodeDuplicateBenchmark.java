package ir.hotline137.benchmarks;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.ShippedRequestSettings;
import ir.hotline137.requests.category.CategorySuggester;
import ir.hotline137.requests.duplicates.IndexFollower;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.requests.store.PostgresRequestStore;
import ir.hotline137.requests.store.RequestStore;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Two nodes on one PostgreSQL, each with its own Lucene index: how long from a registration committed through node A
 * until node B offers it as a duplicate (B's index woken by A's commit through LISTEN/NOTIFY, then searched), for N
 * registrations one after another. The goal is a second at p99. Runs against the tests' PostgreSQL
 * ({@code .ci/postgresql}), in a schema of its own.
 *
 * <pre>
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" ir.hotline137.benchmarks.CrossNodeDuplicateBenchmark \
 *      --requests 500
 * </pre>
 */
public final class CrossNodeDuplicateBenchmark {
    private static final String[] STREETS = {"شهید رضایی", "بهار", "نسترن", "لاله", "سعدی", "فردوسی", "حافظ",
        "مولوی", "نیایش", "آزادی"};

    private CrossNodeDuplicateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("requests", "dir", "out"));
        int requests = arguments.number("requests", 500);
        Path parent = arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir")));
        Report report = new Report(arguments.out(), "CrossNodeDuplicateBenchmark", "requests=" + requests);
        Clock clock = Clock.system(ZoneId.of("Asia/Tehran"));
        try (ScratchFolder scratch = ScratchFolder.create(parent);
             TestPostgres postgres = TestPostgres.freshSchema();
             PostgresDatabase databaseA = database(postgres);
             PostgresDatabase databaseB = database(postgres);
             LuceneDuplicateIndex indexA = index(scratch.resolve("a"));
             LuceneDuplicateIndex indexB = index(scratch.resolve("b"))) {
            RequestStore storeA = PostgresRequestStore.open(databaseA);
            RequestStore storeB = PostgresRequestStore.open(databaseB);
            RequestDesk nodeA = desk(storeA, indexA, clock, 1);
            RequestDesk nodeB = desk(storeB, indexB, clock, 2);
            Random random = new Random(137);
            Latencies seen = new Latencies(requests);
            try (IndexFollower follower = new IndexFollower(storeB, indexB, storeB.revision(), Duration.ofSeconds(5));
                 PostgresDatabase.Listening ears = databaseB.listen(PostgresRequestStore.CHANNEL,
                         revision -> follower.wake(), follower::wake)) {
                if (!ears.awaitListening(Duration.ofSeconds(10))) {
                    throw new IllegalStateException("node B did not start listening");
                }
                for (int i = 0; i < requests; i++) {
                    int district = 1 + random.nextInt(22);
                    String street = STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(90));
                    CitizenRequest made = nodeA.register(NewRequest.fromCaller(
                            String.format("0912%07d", random.nextInt(10_000_000)), district,
                            "چراغ برق کوچه " + street + " سوخته و شب‌ها کوچه تاریک است", RequestSource.IVR_SPEECH));
                    long start = System.nanoTime();
                    while (nodeB.findDuplicates(district, Optional.of("lighting"), "لامپ تیر برق کوچه " + street
                            + " سوخته").stream().noneMatch(c -> c.code().equals(made.code()))) {
                        Thread.onSpinWait();
                        if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                            throw new IllegalStateException(made.code() + " never reached node B");
                        }
                    }
                    seen.add(System.nanoTime() - start);
                }
            }
            report.line("   register committed on A -> offered as a duplicate on B: %s", seen.summary());
            report.line("   max %.3f ms", seen.percentileMillis(100));
        }
        System.out.println("   results appended to " + report.file());
    }

    private static PostgresDatabase database(TestPostgres postgres) {
        return PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD,
                4));
    }

    private static LuceneDuplicateIndex index(Path folder) throws Exception {
        return LuceneDuplicateIndex.open(folder, new PersianTextAnalyzer(), ShippedRequestSettings.duplicates());
    }

    private static RequestDesk desk(RequestStore store, LuceneDuplicateIndex index, Clock clock, long seed) {
        return new RequestDesk(store, index, Desks.DISTRICTS, Desks.CATEGORIES,
                new CategorySuggester(Desks.CATEGORIES, "other"), clock, new Random(seed));
    }
}
