package ir.hotline137.benchmarks;

import ir.hotline137.recognizer.TestModel;
import ir.hotline137.recognizer.model.SpeechModel;
import java.nio.file.Path;

/**
 * The small English Vosk model the speech benchmarks run on. {@link TestModel} reads its folder from
 * {@code -Dhotline.test.model}; when that is not given, the folder the build unpacks it into
 * ({@code target/vosk-model-en} of the project root) is used, so a benchmark runs from the project root with no
 * -D at all. The report says which folder it was.
 */
final class EnglishModel {
    static final String PROPERTY = "hotline.test.model";
    private static final Path UNPACKED = Path.of("target", "vosk-model-en");

    private EnglishModel() {
    }

    /** Settles the folder and says, for the report header, which it is and why. */
    static String choose() {
        String given = System.getProperty(PROPERTY);
        if (given != null) {
            return "model=" + given + " (-D" + PROPERTY + ")";
        }
        // If it is not there, the load fails with TestModel's message about it.
        System.setProperty(PROPERTY, UNPACKED.toString());
        return "model=" + UNPACKED + " (unpacked by the build)";
    }

    /** Loads it once per JVM; {@link #choose()} must have run, or the property been given. */
    static SpeechModel load() {
        long started = System.nanoTime();
        SpeechModel model = TestModel.english();
        Report.progress("%s loaded in %.1f s", model, (System.nanoTime() - started) / 1e9);
        return model;
    }
}
