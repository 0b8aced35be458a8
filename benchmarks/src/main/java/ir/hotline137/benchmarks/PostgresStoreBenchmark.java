package ir.hotline137.benchmarks;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.store.PostgresRequestStore;
import ir.hotline137.requests.store.RequestStore;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * What keeping a request in PostgreSQL costs: the store's durable insert (the counters taken under their lock, the
 * row, the NOTIFY, one commit) next to the floor, a plain JDBC insert of the same row (the same bytes, into a table
 * made like the store's, indexes and all) and its commit, on the same server, in blocks of each in turn. Runs
 * against the tests' PostgreSQL ({@code .ci/postgresql}), in a schema of its own dropped afterwards.
 *
 * <pre>
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" ir.hotline137.benchmarks.PostgresStoreBenchmark \
 *      --requests 3000 --warmup 300
 * </pre>
 */
public final class PostgresStoreBenchmark {
    private PostgresStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("requests", "warmup", "block", "out"));
        int requests = arguments.number("requests", 3_000);
        int warmup = arguments.number("warmup", 300);
        int block = Math.max(1, arguments.number("block", 100));
        Report report = new Report(arguments.out(), "PostgresStoreBenchmark",
                String.format("requests=%d warmup=%d block=%d", requests, warmup, block));
        Random random = new Random(137);
        // Codes drawn once each, as the desk does (it draws again on a taken one): a collision is not what is timed.
        Set<TrackingCode> drawn = new HashSet<>();
        try (TestPostgres postgres = TestPostgres.freshSchema();
             PostgresDatabase database = PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER,
                     TestPostgres.PASSWORD, 4));
             Connection plain = DriverManager.getConnection(postgres.url(), TestPostgres.USER,
                     TestPostgres.PASSWORD)) {
            RequestStore store = PostgresRequestStore.open(database);
            try (Statement create = plain.createStatement()) {
                create.execute("CREATE TABLE plain_requests (LIKE requests INCLUDING ALL)");
            }
            plain.setAutoCommit(false);
            PreparedStatement insert = plain.prepareStatement("INSERT INTO plain_requests (code, sequence, revision, "
                    + "district, category, status, unit, numbers, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement rows = plain.prepareStatement("SELECT code, sequence, revision, district, category, "
                    + "status, unit, numbers, record FROM requests WHERE code = ANY (?)");

            Latencies ours = new Latencies(requests);
            Latencies floor = new Latencies(requests);
            for (int round = 0; round < 2; round++) {
                int count = round == 0 ? warmup : requests;
                Latencies o = round == 0 ? new Latencies(warmup) : ours;
                Latencies f = round == 0 ? new Latencies(warmup) : floor;
                for (int done = 0; done < count; done += block) {
                    List<String> codes = new ArrayList<>();
                    for (int i = 0; i < Math.min(block, count - done); i++) {
                        CitizenRequest next = request(random);
                        while (!drawn.add(next.code())) {
                            next = request(random);
                        }
                        long start = System.nanoTime();
                        store.insert(next);
                        o.add(System.nanoTime() - start);
                        codes.add(next.code().value());
                    }
                    // The very rows the store wrote, read back untimed, then inserted plainly, each its own commit.
                    rows.setArray(1, plain.createArrayOf("text", codes.toArray()));
                    List<Object[]> same = new ArrayList<>();
                    try (ResultSet row = rows.executeQuery()) {
                        while (row.next()) {
                            Object[] values = new Object[9];
                            for (int c = 0; c < 9; c++) {
                                values[c] = row.getObject(c + 1);
                            }
                            same.add(values);
                        }
                    }
                    plain.commit();
                    for (Object[] values : same) {
                        long start = System.nanoTime();
                        for (int c = 0; c < 9; c++) {
                            insert.setObject(c + 1, values[c]);
                        }
                        insert.executeUpdate();
                        plain.commit();
                        f.add(System.nanoTime() - start);
                    }
                }
                if (round == 0) {
                    Report.progress("warm-up done (%,d each)", warmup);
                }
            }
            report.line("   store insert (PostgresRequestStore, durable):       %s", ours.summary());
            report.line("   reference (the same row, plain JDBC insert + commit): %s", floor.summary());
            report.line("   ratio ours/plain: p50 %.2f  p99 %.2f", ours.percentileMillis(50) / floor.percentileMillis(50),
                    ours.percentileMillis(99) / floor.percentileMillis(99));
        }
        System.out.println("   results appended to " + report.file());
    }

    private static CitizenRequest request(Random random) {
        Instant at = Instant.now();
        return new CitizenRequest(TrackingCode.random(random), 0, 0, at,
                Optional.of(new CallerNumber(String.format("0912%07d", random.nextInt(10_000_000)))), 1 + random.nextInt(22),
                "lighting", "چراغ‌های کوچهٔ شهید رضایی از سه شب پیش خاموش است و کوچه کاملاً تاریک است",
                RequestSource.IVR_SPEECH, Optional.empty(), RequestStatus.REGISTERED,
                List.of(new HistoryEntry(at, "ivr", "ثبت شد (سامانهٔ گویا)")), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
    }
}
