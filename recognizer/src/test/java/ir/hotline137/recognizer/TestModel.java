package ir.hotline137.recognizer;

import ir.hotline137.recognizer.model.ModelLoad;
import ir.hotline137.recognizer.model.ModelLoader;
import ir.hotline137.recognizer.model.SpeechModel;
import java.nio.file.Path;

/**
 * The real small English Vosk model that the build unpacks from Maven Central into the project root's {@code target/vosk-model-en}
 * (property {@code hotline.test.model}), loaded once per test JVM and shared, as the application shares it.
 */
public final class TestModel {
    private static SpeechModel english;

    private TestModel() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("hotline.test.model", "target/vosk-model-en"));
    }

    public static synchronized SpeechModel english() {
        if (english == null) {
            switch (ModelLoader.load(folder())) {
                case ModelLoad.Ready ready -> english = ready.model();
                case ModelLoad.Unavailable missing -> throw new IllegalStateException(missing.message()
                        + " The build unpacks it in generate-test-resources: run the tests through Maven.");
            }
        }
        return english;
    }
}
