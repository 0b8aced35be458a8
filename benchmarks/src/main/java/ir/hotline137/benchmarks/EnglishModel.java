package ir.hotline137.benchmarks;

import ir.hotline137.recognizer.TestModel;
import ir.hotline137.recognizer.model.SpeechModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The small English Vosk model the speech benchmarks run on. {@link TestModel} reads its folder from
 * {@code -Dhotline.test.model}; when that is not given, the first folder a build has unpacked is chosen (this
 * module's own, then the recognizer's) and the property set to it before the model loads, so a benchmark runs
 * from the project root with no -D at all. The report says which folder it was.
 */
final class EnglishModel {
    static final String PROPERTY = "hotline.test.model";
    private static final List<Path> UNPACKED = List.of(
            Path.of("benchmarks", "target", "vosk-model-en"),
            Path.of("recognizer", "target", "vosk-model-en"));

    private EnglishModel() {
    }

    /** Settles the folder and says, for the report header, which it is and why. */
    static String choose() {
        String given = System.getProperty(PROPERTY);
        if (given != null) {
            return "model=" + given + " (-D" + PROPERTY + ")";
        }
        // If neither exists, the first is named anyway, so the load fails with TestModel's message about it.
        Path found = UNPACKED.stream().filter(Files::isDirectory).findFirst().orElse(UNPACKED.getFirst());
        System.setProperty(PROPERTY, found.toString());
        return "model=" + found + " (first unpacked of " + UNPACKED.get(0) + ", " + UNPACKED.get(1) + ")";
    }

    /** Loads it once per JVM; {@link #choose()} must have run, or the property been given. */
    static SpeechModel load() {
        long started = System.nanoTime();
        SpeechModel model = TestModel.english();
        Report.progress("%s loaded in %.1f s", model, (System.nanoTime() - started) / 1e9);
        return model;
    }
}
