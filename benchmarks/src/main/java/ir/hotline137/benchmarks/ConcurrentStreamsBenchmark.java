package ir.hotline137.benchmarks;

import ir.hotline137.recognizer.ShippedSpeechSettings;
import com.sun.management.OperatingSystemMXBean;
import ir.hotline137.recognizer.audio.Endpointing;
import ir.hotline137.recognizer.audiosocket.AudioSocketServer;
import ir.hotline137.recognizer.audiosocket.AudioSocketSettings;
import ir.hotline137.recognizer.audiosocket.ExpectedStreams;
import ir.hotline137.recognizer.model.SpeechModel;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * How many callers can speak at once, each at the pace of a real line, before the recognizer falls behind. For
 * each count n, n streams start within one second of each other (at random moments, as calls arrive), each
 * saying a different test sentence and then keeping the line open with its hiss until the server ends the
 * stream. A stream has kept up when the server's hangup comes no more than 1 s after the end silence was
 * complete in real time; behind that, the backlog of undecoded audio is what the caller waits through.
 *
 * <pre>--streams 4,8,10,12,14,16,20,24 --rounds N (3) --threads RECOGNITION-THREADS (cores) --seed 137
 * --dir TEMP-PARENT --out FILE</pre>
 */
public final class ConcurrentStreamsBenchmark {
    private static final int[] DEFAULT_COUNTS = {4, 8, 10, 12, 14, 16, 20, 24};
    /** A hangup later than this after the end silence means the stream fell behind. */
    private static final long KEEPING_UP_NANOS = 1_000_000_000L;
    /** Calls arrive spread over this much, not all in the same millisecond. */
    private static final int ARRIVAL_SPREAD_MILLIS = 1_000;

    private record Round(List<PacedUtterance.Outcome> outcomes, long wallNanos, long cpuNanos) {
    }

    private ConcurrentStreamsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("streams", "rounds", "threads", "seed", "dir", "out"));
        int[] counts = arguments.numbers("streams", DEFAULT_COUNTS);
        int rounds = Math.max(1, arguments.number("rounds", 3));
        int cores = Runtime.getRuntime().availableProcessors();
        // As many recognition threads as cores, the application's own default: more only adds waiting.
        int threads = Math.max(1, arguments.number("threads", cores));
        SplittableRandom random = new SplittableRandom(arguments.number("seed", 137));
        Path parent = arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir")));
        String modelChoice = EnglishModel.choose();
        AudioSocketSettings settings = ShippedSpeechSettings.audioSocket(threads);
        Report report = new Report(arguments.out(), "ConcurrentStreamsBenchmark", String.format(
                "streams=%s rounds=%d recognition-threads=%d real-time 20 ms frames, kept up = hangup ≤ %.1f s after "
                        + "the end silence, %s", Arrays.stream(counts).mapToObj(String::valueOf)
                        .collect(Collectors.joining(",")), rounds, threads, KEEPING_UP_NANOS / 1e9, modelChoice));

        SpeechModel model = EnglishModel.load();
        List<TelephoneSentence> sentences = TelephoneSentence.all();
        ExpectedStreams streams = new ExpectedStreams();
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        try (ScratchFolder scratch = ScratchFolder.create(parent);
             AudioSocketServer server = AudioSocketServer.start(settings, model, streams,
                     InetAddress::isLoopbackAddress)) {
            round(server, streams, settings.endpointing(), sentences, threads, 0, random, scratch, os);
            Report.progress("warm-up done (%d streams)", threads);
            int mostKeptUp = 0;
            for (int n : counts) {
                Latencies delays = new Latencies(n * rounds);
                int keptUp = 0;
                int words = 0;
                long wall = 0;
                long cpu = 0;
                for (int r = 0; r < rounds; r++) {
                    // a different sentence for every stream of a round (past 21 streams they repeat), shifted
                    // each round so that no stream always has the longest
                    Round round = round(server, streams, settings.endpointing(), sentences, n, r * 7, random, scratch, os);
                    for (PacedUtterance.Outcome outcome : round.outcomes()) {
                        delays.add(outcome.hangupNanos());
                        keptUp += outcome.ended() && outcome.hangupNanos() <= KEEPING_UP_NANOS ? 1 : 0;
                        words += outcome.words() ? 1 : 0;
                    }
                    wall += round.wallNanos();
                    cpu += round.cpuNanos();
                }
                boolean allKeptUp = keptUp == n * rounds;
                if (allKeptUp) {
                    mostKeptUp = Math.max(mostKeptUp, n);
                }
                report.line("   %2d streams at once: end of speech to hangup %s; kept up %d of %d%s; words in %d; "
                                + "CPU %.0f%% of %d cores", n, delays.spread(), keptUp, n * rounds,
                        allKeptUp ? " (all)" : " (FELL BEHIND)", words, cpu * 100.0 / wall / cores, cores);
            }
            report.line("   most streams at once that all kept up: %s (goal ≥ 20, on %d cores)",
                    mostKeptUp == 0 ? "none of those tried" : String.valueOf(mostKeptUp), cores);
        }
        System.out.println("   results appended to " + report.file());
    }

    /** {@code n} callers at once, each beginning at a random moment of the first second; waits for them all. */
    private static Round round(AudioSocketServer server, ExpectedStreams streams, Endpointing endpointing,
                               List<TelephoneSentence> sentences, int n, int shift, SplittableRandom random,
                               ScratchFolder scratch, OperatingSystemMXBean os) throws Exception {
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        List<PacedUtterance.Outcome> outcomes = new ArrayList<>(n);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<PacedUtterance.Outcome>> running = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                TelephoneSentence sentence = sentences.get((i + shift) % sentences.size());
                long arrival = random.nextInt(ARRIVAL_SPREAD_MILLIS);
                Path recording = scratch.resolve("stream-" + n + "-" + shift + "-" + i + ".wav");
                running.add(callers.submit(() -> {
                    Thread.sleep(arrival);
                    return PacedUtterance.say(server.port(), streams, endpointing, sentence, recording);
                }));
            }
            for (Future<PacedUtterance.Outcome> outcome : running) {
                outcomes.add(outcome.get());
            }
        }
        // The callers run in this process too, but they only sleep between frames: the CPU is the server's.
        return new Round(outcomes, System.nanoTime() - started, os.getProcessCpuTime() - cpuBefore);
    }
}
