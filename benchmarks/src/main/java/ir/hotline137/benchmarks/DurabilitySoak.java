package ir.hotline137.benchmarks;

import ir.hotline137.calls.Acknowledged;
import ir.hotline137.calls.CrashingWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Kills a writer of the real store (requests, joins, merges, call records; 1 to 8 threads) with SIGKILL at a
 * random moment, reopens the folder and checks that every acknowledged change is there and nothing is
 * half-applied, over and over; optionally while {@code stress-ng} hammers the same disk with writes and
 * fsyncs. A fresh data folder is begun every {@code --fresh-every} cycles so that late cycles are not just
 * longer replays.
 *
 * <pre>
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" ir.hotline137.benchmarks.DurabilitySoak \
 *      --cycles 1000 --pressure 1
 * </pre>
 */
public final class DurabilitySoak {
    private DurabilitySoak() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("cycles", "pressure", "fresh-every", "max-wait", "seed", "dir", "out"));
        int cycles = arguments.number("cycles", 1000);
        boolean pressure = arguments.number("pressure", 1) != 0;
        int freshEvery = arguments.number("fresh-every", 50);
        int maxWait = arguments.number("max-wait", 1500);
        Random random = new Random(arguments.number("seed", 137));
        Report report = new Report(arguments.out(), "DurabilitySoak", String.format(
                "cycles=%d pressure=%s fresh-every=%d max-wait=%dms", cycles, pressure, freshEvery, maxWait));
        try (ScratchFolder scratch = ScratchFolder.create(arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir"))))) {
            Process stress = pressure ? stress(scratch.resolve("stress")) : null;
            long acknowledged = 0;
            long lost = 0;
            int unopenable = 0;
            int damagedCycles = 0;
            long started = System.nanoTime();
            Path data = null;
            Acknowledged folder = null;
            List<String> examples = new ArrayList<>();
            try {
                for (int cycle = 0; cycle < cycles; cycle++) {
                    if (cycle % freshEvery == 0) {
                        data = scratch.resolve("data-" + cycle);
                        folder = new Acknowledged();
                    }
                    int threads = 1 + random.nextInt(8);
                    int before = folder.count();
                    runAndKill(data, "s" + cycle, threads, 100 + random.nextInt(maxWait), folder, scratch.resolve("writer.err"));
                    acknowledged += folder.count() - before;
                    try {
                        List<String> problems = folder.problems(data);
                        if (!problems.isEmpty()) {
                            damagedCycles++;
                            lost += problems.stream().filter(p -> p.contains("is gone")).count();
                            if (examples.size() < 5) {
                                examples.add("cycle " + cycle + ": " + problems.getFirst() + " (+" + (problems.size() - 1) + ")");
                            }
                        }
                    } catch (RuntimeException | IOException e) {
                        unopenable++;
                        if (examples.size() < 5) {
                            examples.add("cycle " + cycle + ": does not open: " + e);
                        }
                        data = scratch.resolve("data-after-" + cycle);
                        folder = new Acknowledged();
                    }
                    if ((cycle + 1) % 25 == 0) {
                        Report.progress("%d cycles, %,d acknowledged, %d lost, %d unopenable, %d damaged", cycle + 1,
                                acknowledged, lost, unopenable, damagedCycles);
                    }
                }
            } finally {
                if (stress != null) {
                    stress.destroy();
                    stress.waitFor(30, TimeUnit.SECONDS);
                }
            }
            double minutes = (System.nanoTime() - started) / 60e9;
            report.line("   %d kill cycles in %.1f min: %,d changes acknowledged, %d lost, %d folders that would not open,"
                    + " %d cycles with a problem (half-applied changes included)", cycles, minutes, acknowledged, lost,
                    unopenable, damagedCycles);
            examples.forEach(e -> report.line("   %s", e));
        }
        System.out.println("   results appended to " + report.file());
    }

    private static void runAndKill(Path data, String prefix, int threads, int waitMillis, Acknowledged acknowledged,
                                   Path errors) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), CrashingWriter.class.getName(), data.toString(), prefix,
                Integer.toString(threads), "20")
                .redirectError(errors.toFile())
                .start();
        Thread killer = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged.read(line);
                if (killer == null) {
                    // the wait starts once the writer has said its first word, so JVM start-up is not the part killed
                    killer = Thread.ofPlatform().daemon().start(() -> {
                        try {
                            Thread.sleep(waitMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                        // SIGKILL through the handle: Process.destroyForcibly would also close the pipe we read
                        child.toHandle().destroyForcibly();
                    });
                }
            }
        }
        if (killer == null) {
            child.destroyForcibly();
            throw new IllegalStateException("the writer ended without a word: " + Files.readString(errors));
        }
        killer.join();
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the writer would not die");
        }
        if (child.exitValue() == 3) {
            throw new IllegalStateException("the writer failed by itself: " + Files.readString(errors));
        }
    }

    /** Parallel writes with fsyncs and direct I/O on the same disk, until stopped. */
    private static Process stress(Path where) throws IOException {
        Files.createDirectories(where);
        try {
            return new ProcessBuilder("stress-ng", "--hdd", "2", "--hdd-bytes", "128M", "--hdd-opts", "fsync,direct",
                    "--io", "1", "--temp-path", where.toString(), "--timeout", "0")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("disk pressure needs stress-ng (apt-get install stress-ng), or run with --pressure 0", e);
        }
    }
}
