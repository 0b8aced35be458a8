package ir.hotline137.benchmarks;

import ir.hotline137.recognizer.ShippedSpeechSettings;
import ir.hotline137.recognizer.audio.Endpointing;
import ir.hotline137.recognizer.audiosocket.AudioSocketServer;
import ir.hotline137.recognizer.audiosocket.AudioSocketSettings;
import ir.hotline137.recognizer.audiosocket.ExpectedStreams;
import ir.hotline137.recognizer.model.SpeechModel;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a caller waits, once they have stopped speaking, for the IVR to go on: from the moment the end
 * silence (1.2 s) was complete in real time, so the silence timeout itself is not counted, to the server's
 * hangup (Asterisk's AudioSocket returns and the call goes on) and to the words being in the IVR's hands. One
 * measured stream at a time at the pace of a real line, every test sentence in turn: first on an idle server,
 * then with background callers speaking all the while, as on a busy line.
 *
 * <pre>--rounds N (1; each is every test sentence once) --sentences N (all 21; fewer for a quick check)
 * --background STREAMS (8) --threads RECOGNITION-THREADS (cores) --seed 137 --dir TEMP-PARENT --out FILE</pre>
 */
public final class EndOfSpeechLatencyBenchmark {
    /** Background callers start spread over this much, then keep speaking one sentence after another. */
    private static final int ARRIVAL_SPREAD_MILLIS = 1_000;

    private record Measured(Latencies hangup, Latencies transcript, int words) {
    }

    private EndOfSpeechLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("rounds", "sentences", "background", "threads", "seed",
                "dir", "out"));
        int rounds = Math.max(1, arguments.number("rounds", 1));
        int background = Math.max(0, arguments.number("background", 8));
        int threads = Math.max(1, arguments.number("threads", Runtime.getRuntime().availableProcessors()));
        SplittableRandom random = new SplittableRandom(arguments.number("seed", 137));
        Path parent = arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir")));
        String modelChoice = EnglishModel.choose();
        AudioSocketSettings settings = ShippedSpeechSettings.audioSocket(threads);
        List<TelephoneSentence> all = TelephoneSentence.all();
        List<TelephoneSentence> sentences = all.subList(0, Math.clamp(arguments.number("sentences", all.size()), 1,
                all.size()));
        Report report = new Report(arguments.out(), "EndOfSpeechLatencyBenchmark", String.format(
                "rounds=%d sentences=%d background=%d recognition-threads=%d end silence %d ms (not counted), %s",
                rounds, sentences.size(), background, threads, settings.endpointing().endSilence().toMillis(),
                modelChoice));

        SpeechModel model = EnglishModel.load();
        ExpectedStreams streams = new ExpectedStreams();
        Endpointing endpointing = settings.endpointing();
        try (ScratchFolder scratch = ScratchFolder.create(parent);
             AudioSocketServer server = AudioSocketServer.start(settings, model, streams,
                     InetAddress::isLoopbackAddress)) {
            PacedUtterance.say(server.port(), streams, endpointing, sentences.getFirst(), scratch.resolve("warm-up.wav"));
            Report.progress("warm-up done");

            Measured idle = measure(server, streams, endpointing, sentences, rounds, scratch, "idle");
            report(report, "idle server", idle);

            if (background > 0) {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger finished = new AtomicInteger();
                AtomicInteger withWords = new AtomicInteger();
                try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<?>> running = new ArrayList<>(background);
                    for (int b = 0; b < background; b++) {
                        int caller = b;
                        long arrival = random.nextInt(ARRIVAL_SPREAD_MILLIS);
                        running.add(callers.submit(() -> {
                            Thread.sleep(arrival);
                            // a different sentence from each caller, one after another until told to stop
                            for (int i = caller * 3; !stop.get(); i++) {
                                PacedUtterance.Outcome outcome = PacedUtterance.say(server.port(), streams, endpointing,
                                        all.get(i % all.size()),
                                        scratch.resolve("background-" + caller + ".wav"));
                                finished.incrementAndGet();
                                withWords.addAndGet(outcome.words() ? 1 : 0);
                            }
                            return null;
                        }));
                    }
                    Measured loaded;
                    try {
                        // every background caller speaking before the first measured one starts
                        Thread.sleep(ARRIVAL_SPREAD_MILLIS + 1_000);
                        loaded = measure(server, streams, endpointing, sentences, rounds, scratch, "loaded");
                    } finally {
                        // or closing the executor would wait for callers that never stop
                        stop.set(true);
                    }
                    for (Future<?> caller : running) {
                        caller.get();
                    }
                    report(report, background + " background streams", loaded);
                    report.line("   (the background callers finished %d utterances meanwhile, words in %d)",
                            finished.get(), withWords.get());
                }
            }
        }
        System.out.println("   results appended to " + report.file());
    }

    /** Every sentence, one stream at a time, {@code rounds} times over. */
    private static Measured measure(AudioSocketServer server, ExpectedStreams streams, Endpointing endpointing,
                                    List<TelephoneSentence> sentences, int rounds, ScratchFolder scratch, String name) {
        Latencies hangup = new Latencies(rounds * sentences.size());
        Latencies transcript = new Latencies(rounds * sentences.size());
        int words = 0;
        for (int r = 0; r < rounds; r++) {
            for (TelephoneSentence sentence : sentences) {
                PacedUtterance.Outcome outcome = PacedUtterance.say(server.port(), streams, endpointing, sentence,
                        scratch.resolve(name + ".wav"));
                hangup.add(outcome.hangupNanos());
                transcript.add(outcome.transcriptNanos());
                words += outcome.words() ? 1 : 0;
                Report.progress("%s %s: hangup %+.0f ms, words %+.0f ms, %s", name, sentence,
                        outcome.hangupNanos() / 1e6, outcome.transcriptNanos() / 1e6, outcome.heard());
            }
        }
        return new Measured(hangup, transcript, words);
    }

    private static void report(Report report, String load, Measured measured) {
        report.line("   %s: end of speech to hangup    %s (goal p95 ≤ 300 ms)", load, measured.hangup().spread());
        report.line("   %s: end of speech to the words %s; words in %d of %d", load, measured.transcript().spread(),
                measured.words(), measured.transcript().count());
    }
}
