package ir.hotline137.calls;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The child process of {@link CrashRecoveryTest} and of the durability soak: registers, joins and merges
 * requests and records calls from several threads until it is killed, printing each acknowledged change.
 * Its store checkpoints every few milliseconds, so a kill also lands inside MapDB commits and checkpoint
 * marks.
 *
 * <p>Arguments: data folder, a prefix that keeps its codes and call ids apart from earlier runs', and
 * optionally the number of threads (4), the checkpoint interval in milliseconds (20) and how many rounds
 * each thread writes before the writer closes the store and ends (no end).
 *
 * <p>Lines: {@code registered CODE}, {@code joined CODE CALLER}, {@code merged CODE INTO}, {@code call ID}.
 */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Duration checkpoints = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 20);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : Integer.MAX_VALUE;
        // A writer that fails must end the process, so that the test sees it at once rather than waiting.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            e.printStackTrace();
            Runtime.getRuntime().halt(3);
        });
        Desks desks = new Desks(dir, Clock.systemUTC(), checkpoints, prefix.hashCode());
        MapDbCallLog calls = MapDbCallLog.open(desks.storage);
        Object printing = new Object();
        List<Thread> writers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(Thread.ofPlatform().start(() -> {
                CitizenRequest previous = null;
                for (int i = 0; i < rounds; i++) {
                    String caller = "0912" + String.format("%07d", thread * 100_000 + i);
                    CitizenRequest r = desks.desk.register(NewRequest.fromCaller(caller, 1 + i % 22,
                            "آب گرفتگی زیرگذر شماره " + i + " " + prefix, RequestSource.IVR_SPEECH));
                    print(printing, "registered " + r.code());
                    if (i % 3 == 1) {
                        String supporter = "0935" + String.format("%07d", thread * 100_000 + i);
                        desks.desk.join(r.code(), Optional.of(supporter), "ivr");
                        print(printing, "joined " + r.code() + " " + supporter);
                    }
                    if (i % 5 == 2 && previous != null) {
                        desks.desk.markDuplicate(r.code(), previous.code(), "agent");
                        print(printing, "merged " + r.code() + " " + previous.code());
                    } else {
                        previous = r;
                    }
                    String callId = prefix + "-" + thread + "-" + i;
                    calls.record(new CallRecord(callId, Optional.empty(), r.createdAt(), r.createdAt(),
                            List.of("menu:1"), CallOutcome.REGISTERED, Optional.of(r.code()), Optional.empty(),
                            Optional.empty(), Optional.empty()));
                    print(printing, "call " + callId);
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        desks.close();
    }

    private static void print(Object lock, String line) {
        synchronized (lock) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
