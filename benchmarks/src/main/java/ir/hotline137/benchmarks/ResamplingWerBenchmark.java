package ir.hotline137.benchmarks;

import ir.hotline137.recognizer.TestSentences;
import ir.hotline137.recognizer.TestSpeech;
import ir.hotline137.recognizer.model.SpeechModel;
import ir.hotline137.recognizer.transcription.FileTranscriber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the telephone path costs in recognition accuracy. Every test sentence is transcribed three ways by the
 * same model: from the original 16 kHz audio (no telephone at all), from the 8 kHz telephone audio through our
 * resampler (the pipeline), and from the same 8 kHz audio resampled by sox. The gap between the first and the
 * third is the telephone's lost bandwidth, which no resampler can bring back; the gap between the third and the
 * second is our resampler's own.
 *
 * <p>Word error rate: the word-level edit distance to the sentence (lower case, no punctuation), summed over
 * all sentences, divided by the number of reference words. Vosk does not always give the same words for the
 * same audio (a word or two in a round of 21 sentences changes from run to run), so every sentence is heard
 * {@code --rounds} times each way and the errors summed; the spread of the rounds is reported beside.
 *
 * <pre>--rounds N (3) --dir TEMP-PARENT --out FILE</pre>
 */
public final class ResamplingWerBenchmark {

    /** Edits and reference words summed over the sentences and rounds, for one way of hearing them. */
    private static final class Errors {
        private final String name;
        private int edits;
        private int words;
        private int roundEdits;
        private double best = Double.MAX_VALUE;
        private double worst;

        Errors(String name) {
            this.name = name;
        }

        void add(List<String> reference, String heard) {
            int distance = distance(reference, words(heard));
            edits += distance;
            roundEdits += distance;
            words += reference.size();
        }

        void endRound(int referenceWords) {
            double percent = 100.0 * roundEdits / referenceWords;
            best = Math.min(best, percent);
            worst = Math.max(worst, percent);
            roundEdits = 0;
        }

        double percent() {
            return 100.0 * edits / words;
        }

        String line() {
            return String.format("%-42s WER %5.1f%%  (%d errors in %d words; rounds %.1f–%.1f%%)", name, percent(),
                    edits, words, best, worst);
        }
    }

    private ResamplingWerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("rounds", "dir", "out"));
        int rounds = Math.max(1, arguments.number("rounds", 3));
        Path parent = arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir")));
        String modelChoice = EnglishModel.choose();
        Report report = new Report(arguments.out(), "ResamplingWerBenchmark",
                String.format("sentences=%d rounds=%d %s", TestSentences.ALL.size(), rounds, modelChoice));

        SpeechModel model = EnglishModel.load();
        // Every file is fed in 20 ms pieces at its own rate and resampled by our Resampler when it is not
        // 16 kHz already: for the 8 kHz file that is exactly the streamed pipeline's path.
        FileTranscriber transcriber = new FileTranscriber(model, 1);
        Errors wideband = new Errors("16 kHz original → Vosk");
        Errors ours = new Errors("8 kHz → our Resampler → Vosk (pipeline)");
        Errors sox = new Errors("8 kHz → sox -r 16000 → Vosk");
        try (ScratchFolder scratch = ScratchFolder.create(parent)) {
            // sox's files once: its dither is random, and hearing the same file each round keeps that out
            List<Path> soxWideband = new ArrayList<>();
            for (TestSentences.Sentence sentence : TestSentences.ALL) {
                Path resampled = scratch.resolve("sox-" + soxWideband.size() + ".wav");
                resampleWithSox(TestSpeech.telephone(sentence.text()), resampled);
                soxWideband.add(resampled);
            }
            int referenceWords = TestSentences.ALL.stream().mapToInt(sentence -> words(sentence.text()).size()).sum();
            for (int round = 1; round <= rounds; round++) {
                for (int i = 0; i < TestSentences.ALL.size(); i++) {
                    String text = TestSentences.ALL.get(i).text();
                    List<String> reference = words(text);
                    String fromWideband = transcriber.transcribe(TestSpeech.wideband(text)).orElse("");
                    String fromOurs = transcriber.transcribe(TestSpeech.telephone(text)).orElse("");
                    String fromSox = transcriber.transcribe(soxWideband.get(i)).orElse("");
                    wideband.add(reference, fromWideband);
                    ours.add(reference, fromOurs);
                    sox.add(reference, fromSox);
                    Report.progress("'%s'%n         16k  '%s'%n         ours '%s'%n         sox  '%s'",
                            String.join(" ", reference), fromWideband, fromOurs, fromSox);
                }
                wideband.endRound(referenceWords);
                ours.endRound(referenceWords);
                sox.endRound(referenceWords);
                Report.progress("round %d of %d done", round, rounds);
            }
        }
        report.line("   %s", wideband.line());
        report.line("   %s", ours.line());
        report.line("   %s", sox.line());
        report.line("   pipeline − 16 kHz: %+.1f points (goal ≤ 2); of which the telephone band (sox − 16 kHz) %+.1f, "
                        + "our resampler against sox's (pipeline − sox) %+.1f", ours.percent() - wideband.percent(),
                sox.percent() - wideband.percent(), ours.percent() - sox.percent());
        System.out.println("   results appended to " + report.file());
    }

    /** sox's own rate conversion with its defaults, as anyone would run it. */
    private static void resampleWithSox(Path in, Path out) throws IOException, InterruptedException {
        Process sox = new ProcessBuilder("sox", in.toString(), "-r", "16000", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(sox.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!sox.waitFor(60, TimeUnit.SECONDS) || sox.exitValue() != 0) {
            throw new IllegalStateException("sox failed on " + in + ": " + output);
        }
    }

    /** Lower case, punctuation dropped, split on spaces: how both the sentence and what was heard are compared. */
    static List<String> words(String text) {
        String plain = text.toLowerCase(Locale.ROOT).replaceAll("\\p{P}", "").strip();
        return plain.isEmpty() ? List.of() : Arrays.asList(plain.split("\\s+"));
    }

    /** Levenshtein distance over words: substitutions, insertions and deletions each count one. */
    static int distance(List<String> reference, List<String> heard) {
        int[] previous = new int[heard.size() + 1];
        int[] current = new int[heard.size() + 1];
        for (int j = 0; j <= heard.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= reference.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= heard.size(); j++) {
                int substitution = previous[j - 1] + (reference.get(i - 1).equals(heard.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[heard.size()];
    }
}
