package ir.hotline137.benchmarks;

import ir.hotline137.calls.Acknowledged;
import ir.hotline137.calls.CrashingWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Kills a writer at every disk write, one run per write: {@code strace}'s fault injection sends SIGKILL when
 * the writer enters its K-th call of a syscall ({@code pwrite64} and {@code write}: journal records, MapDB
 * pages, checkpoint marks; {@code fdatasync}/{@code fsync}: forces; {@code ftruncate}; {@code rename}: a mark
 * replaced), for every K the workload reaches. Each run starts from the same seeded folder, so its start-up
 * (replay, checkpoint) is swept too; after each kill the folder must open with every acknowledged change and
 * nothing half-applied.
 *
 * <pre>
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" ir.hotline137.benchmarks.WriteKillSweep --rounds 12
 * </pre>
 */
public final class WriteKillSweep {
    private static final List<String> SYSCALLS = List.of("pwrite64", "write", "fdatasync", "fsync", "ftruncate", "rename");
    /**
     * The files our store writes with plain {@code write}: the checkpoint marks (everything else it writes
     * positionally). The duplicate index (Lucene) writes with {@code write} too, thousands of times; it is
     * derived and rebuilt from the store, and the soak kills inside it often enough.
     */
    private static final List<String> MARKS = List.of("requests.mapdb.checkpoint.next", "calls.mapdb.checkpoint.next");

    private WriteKillSweep() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("rounds", "dir", "out"));
        int rounds = arguments.number("rounds", 12);
        Report report = new Report(arguments.out(), "WriteKillSweep", "rounds=" + rounds + " (one thread: register,"
                + " join every third, merge every fifth, a call record each)");
        try (ScratchFolder scratch = ScratchFolder.create(arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir"))))) {
            Path seed = scratch.resolve("seed");
            Acknowledged seeded = new Acknowledged();
            run(List.of(), seed, "seed", rounds, seeded, scratch.resolve("err"));
            Map<String, Integer> calls = count(scratch, seed, rounds);
            report.line("   syscalls of one clean run (from a seeded folder): %s", calls);
            int runs = 0;
            int bad = 0;
            long acknowledged = 0;
            List<String> examples = new ArrayList<>();
            for (Map.Entry<String, Integer> syscall : calls.entrySet()) {
                for (int k = 1; k <= syscall.getValue(); k++) {
                    Path data = scratch.resolve("run");
                    deleteTree(data);
                    copyTree(seed, data);
                    Acknowledged acks = new Acknowledged();
                    seeded.replayInto(acks);
                    int before = acks.count();
                    List<String> strace = new ArrayList<>(List.of("strace", "-f", "-qq", "-o", "/dev/null",
                            "-e", "trace=" + syscall.getKey(), "-e", "inject=" + syscall.getKey() + ":signal=KILL:when=" + k));
                    strace.addAll(pathFilter(syscall.getKey(), data));
                    run(strace, data, "k" + syscall.getKey() + k, rounds, acks, scratch.resolve("err"));
                    acknowledged += acks.count() - before;
                    runs++;
                    List<String> problems;
                    try {
                        problems = acks.problems(data);
                    } catch (RuntimeException | IOException e) {
                        problems = List.of("does not open: " + e);
                    }
                    if (!problems.isEmpty()) {
                        bad++;
                        if (examples.size() < 5) {
                            examples.add(syscall.getKey() + " #" + k + ": " + problems.getFirst());
                        }
                    }
                }
                Report.progress("%s swept: %d runs so far, %d with a problem", syscall.getKey(), runs, bad);
            }
            report.line("   %d runs, each killed at one write: %,d changes acknowledged in them, %d runs with a lost,"
                    + " half-applied or unopenable result", runs, acknowledged, bad);
            examples.forEach(e -> report.line("   %s", e));
        }
        System.out.println("   results appended to " + report.file());
    }

    /** How often a clean run from the seeded folder enters each syscall. */
    private static Map<String, Integer> count(ScratchFolder scratch, Path seed, int rounds) throws Exception {
        Path data = scratch.resolve("count");
        copyTree(seed, data);
        Path trace = scratch.resolve("trace");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : SYSCALLS) {
            deleteTree(data);
            copyTree(seed, data);
            List<String> strace = new ArrayList<>(List.of("strace", "-f", "-qq", "-o", trace.toString(), "-e", "trace=" + s));
            strace.addAll(pathFilter(s, data));
            run(strace, data, "count" + s, rounds, new Acknowledged(), scratch.resolve("err"));
            counts.put(s, (int) Files.readAllLines(trace).stream().filter(line -> line.matches("^\\d+\\s+" + s + "\\(.*")).count());
        }
        deleteTree(data);
        return counts;
    }

    /** For {@code write}, only the calls on the checkpoint marks; the other syscalls are counted everywhere. */
    private static List<String> pathFilter(String syscall, Path data) {
        if (!syscall.equals("write")) {
            return List.of();
        }
        List<String> filter = new ArrayList<>();
        for (String mark : MARKS) {
            filter.add("-P");
            filter.add(data.resolve(mark).toString());
        }
        return filter;
    }

    private static void run(List<String> wrapper, Path data, String prefix, int rounds, Acknowledged acks, Path errors)
            throws Exception {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), data.toString(), prefix, "1",
                "3600000", Integer.toString(rounds)));
        Process child = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                // a kill inside the write of a line leaves half of it: not an acknowledgement
                if (line.matches("(registered|joined|merged|call) \\S+( \\S+)?")) {
                    acks.read(line);
                }
            }
        }
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException("the writer did not end");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
