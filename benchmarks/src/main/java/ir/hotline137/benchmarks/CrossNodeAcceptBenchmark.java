package ir.hotline137.benchmarks;

import ir.hotline137.ivr.IvrHarness;
import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.switchboard.AcceptOutcome;
import ir.hotline137.switchboard.Agent;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.PostgresSwitchboard;
import ir.hotline137.switchboard.Presence;
import ir.hotline137.switchboard.SwitchboardEvent.CallWaiting;
import ir.hotline137.testsupport.TestPostgres;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two nodes on one switchboard in PostgreSQL. Node A is the IVR as the application assembles it (the real FastAGI
 * server and call flows, a fake Asterisk dialling in); node B is another node's switchboard, as its console uses it.
 * For each of N callers who press 0 on A: how long until B's boards hear them (A's commit, the NOTIFY, B's read), and
 * how long from B's acceptance until A sends Asterisk the Dial to B's agent. A's IVR looks at its held callers every
 * {@code hold-listen} (250 ms), which bounds the second. The goal is a second at p99. Runs against the tests'
 * PostgreSQL ({@code .ci/postgresql}), in a schema of its own.
 *
 * <pre>
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" ir.hotline137.benchmarks.CrossNodeAcceptBenchmark \
 *      --calls 200
 * </pre>
 */
public final class CrossNodeAcceptBenchmark {
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final Duration BEAT = Duration.ofSeconds(5);

    private CrossNodeAcceptBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("calls", "dir", "out"));
        int calls = arguments.number("calls", 200);
        Path parent = arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir")));
        Report report = new Report(arguments.out(), "CrossNodeAcceptBenchmark", "calls=" + calls);
        try (ScratchFolder scratch = ScratchFolder.create(parent);
             TestPostgres postgres = TestPostgres.freshSchema();
             PostgresDatabase databaseA = database(postgres);
             PostgresDatabase databaseB = database(postgres);
             ClusterNode nodeA = ClusterNode.join(databaseA, "node-a", BEAT);
             ClusterNode nodeB = ClusterNode.join(databaseB, "node-b", BEAT);
             IvrHarness ivrA = IvrHarness.on(scratch.resolve("a"), settings -> settings.withAnswerTimeout(
                     Duration.ofHours(1)), clock -> PostgresSwitchboard.open(databaseA, nodeA, clock, BEAT));
             PostgresSwitchboard boardB = PostgresSwitchboard.open(databaseB, nodeB, Clock.systemUTC(), BEAT)) {
            Agent reza = new Agent("reza", "رضا", "PJSIP/102");
            boardB.signIn(reza);
            // From A's change (stamped by A's clock, this JVM's) to B's listener: A's commit, the NOTIFY, B's read.
            Map<String, Long> heardAfter = new ConcurrentHashMap<>();
            boardB.subscribe(event -> {
                if (event instanceof CallWaiting waiting) {
                    heardAfter.put(waiting.call().id().value(), Duration.between(waiting.at(), Instant.now()).toNanos());
                }
            });
            Latencies heard = new Latencies(calls);
            Latencies acceptToDial = new Latencies(calls);
            for (int i = 0; i < calls; i++) {
                FakeCall call = ivrA.asterisk.dial(Caller.withNumber(String.format("0912%07d", i)).presses("0")
                        .holds());
                CallId id = new CallId(call.uniqueId());
                long waitingSince = System.nanoTime();
                while (!heardAfter.containsKey(id.value())) {
                    Thread.onSpinWait();
                    if (System.nanoTime() - waitingSince > SOON.toNanos()) {
                        throw new IllegalStateException(id + " never reached node B's boards");
                    }
                }
                heard.add(heardAfter.get(id.value()));
                long accepting = System.nanoTime();
                AcceptOutcome outcome = boardB.accept(id, "reza");
                if (!(outcome instanceof AcceptOutcome.Accepted)) {
                    throw new IllegalStateException("node B's accept of " + id + ": " + outcome);
                }
                call.awaitCommand("EXEC Dial", SOON);
                acceptToDial.add(System.nanoTime() - accepting);
                call.hangUp();
                long freeing = System.nanoTime();
                while (boardB.agent("reza").orElseThrow().presence() != Presence.AVAILABLE) {
                    Thread.sleep(5);
                    if (System.nanoTime() - freeing > SOON.toNanos()) {
                        throw new IllegalStateException("reza was never free again after " + id);
                    }
                }
            }
            report.line("   caller held on A -> on B's boards: %s", heard.summary());
            report.line("   accepted on B -> Dial sent by A:   %s", acceptToDial.summary());
            report.line("   max %.1f ms (A's IVR looks every 250 ms)", acceptToDial.percentileMillis(100));
        }
        System.out.println("   results appended to " + report.file());
    }

    private static PostgresDatabase database(TestPostgres postgres) {
        return PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD,
                8));
    }
}
