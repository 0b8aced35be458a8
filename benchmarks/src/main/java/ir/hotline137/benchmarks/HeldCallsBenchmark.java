package ir.hotline137.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import ir.hotline137.calls.CallOutcome;
import ir.hotline137.ivr.IvrHarness;
import ir.hotline137.testsupport.Eventually;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How many callers the IVR holds at once, all waiting for an agent in the hold loop (music, their place in the
 * queue every 30 s, listening for a hang-up), and what each costs: heap and resident memory per held call,
 * CPU while they wait. The callers run in a child process (see {@link HeldCallers}) so that only the
 * server's side is measured. Then every caller hangs up, and the queue must empty.
 *
 * <pre>--calls N (2000) --hold SECONDS (40) --dir TEMP-PARENT --out FILE</pre>
 */
public final class HeldCallsBenchmark {
    private HeldCallsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("calls", "hold", "dir", "out"));
        int calls = arguments.number("calls", 2_000);
        int holdSeconds = arguments.number("hold", 40);
        Path parent = arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir")));
        Report report = new Report(arguments.out(), "HeldCallsBenchmark",
                String.format("calls=%d hold=%ds", calls, holdSeconds));
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

        try (ScratchFolder scratch = ScratchFolder.create(parent);
             IvrHarness ivr = IvrHarness.start(scratch.resolve("ivr"), s -> s.withAnswerTimeout(Duration.ofHours(1)))) {
            long heapBefore = heapAfterGc();
            long rssBefore = residentBytes();
            Process callers = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                    HeldCallers.class.getName(), String.valueOf(ivr.server.port()), String.valueOf(calls))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader fromCallers = new BufferedReader(
                    new InputStreamReader(callers.getInputStream(), StandardCharsets.UTF_8));
            Writer toCallers = new OutputStreamWriter(callers.getOutputStream(), StandardCharsets.UTF_8);
            try {
                long dialling = System.nanoTime();
                expect(fromCallers.readLine(), "dialled");
                Eventually.await(() -> ivr.switchboard.waitingCalls().size() == calls, Duration.ofMinutes(5),
                        () -> ivr.switchboard.waitingCalls().size() + " of " + calls + " on the queue");
                double fillSeconds = (System.nanoTime() - dialling) / 1e9;
                Report.progress("%d calls holding after %.1f s; holding for %d s", calls, fillSeconds, holdSeconds);

                Thread.sleep(holdSeconds * 1000L / 2);
                long cpuBefore = os.getProcessCpuTime();
                long wallBefore = System.nanoTime();
                Thread.sleep(holdSeconds * 1000L / 2);
                double cpuShare = (os.getProcessCpuTime() - cpuBefore) / (double) (System.nanoTime() - wallBefore);
                int holding = ivr.switchboard.waitingCalls().size();
                long heapHolding = heapAfterGc();
                long rssHolding = residentBytes();

                toCallers.write("hang up\n");
                toCallers.flush();
                long hangingUp = System.nanoTime();
                Eventually.await(() -> ivr.switchboard.waitingCalls().isEmpty(), Duration.ofMinutes(2),
                        () -> ivr.switchboard.waitingCalls().size() + " still on the queue");
                double emptySeconds = (System.nanoTime() - hangingUp) / 1e9;
                expect(fromCallers.readLine(), "ended " + calls + " errors 0");
                Eventually.await(() -> ivr.calls().size() == calls, Duration.ofMinutes(1), () -> ivr.calls().size() + " records");
                long abandoned = ivr.calls().stream().filter(c -> c.outcome() == CallOutcome.ESCALATED_ABANDONED).count();

                report.line("   held at once: %d of %d (refused %d, call threads started %d); all on hold after %.1f s",
                        holding, calls, ivr.server.connectionsRefused(), ivr.server.callsStarted(), fillSeconds);
                report.line("   per held call: heap %.1f KB, resident %.1f KB; CPU while %d wait: %.1f%% of one core",
                        (heapHolding - heapBefore) / 1024.0 / calls, (rssHolding - rssBefore) / 1024.0 / calls, calls,
                        cpuShare * 100);
                report.line("   all hung up: queue empty after %.2f s; %d of %d records say escalated-abandoned",
                        emptySeconds, abandoned, calls);
            } finally {
                callers.destroy();
            }
        }
        System.out.println("   results appended to " + report.file());
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void expect(String line, String start) {
        if (line == null || !line.startsWith(start)) {
            throw new IllegalStateException("the callers' process said '" + line + "', expected '" + start + "'");
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** VmRSS from /proc: what the process really occupies, thread stacks and socket buffers included. */
    private static long residentBytes() throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
        for (String line : status) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }
}
