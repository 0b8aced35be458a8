package ir.hotline137.recognizer.model;

import java.nio.file.Path;
import java.time.Duration;

/** What came of loading the speech model at start-up. */
public sealed interface ModelLoad {

    /** The model is ready; loading took {@code took}. */
    record Ready(SpeechModel model, Duration took) implements ModelLoad {
    }

    /**
     * No usable model: the system records callers for an agent instead, as 137 lines did before speech.
     *
     * @param lookedAt the folder that was tried
     * @param problem  what is wrong with it, in a sentence
     * @param remedy   what the operator should do
     */
    record Unavailable(Path lookedAt, String problem, String remedy) implements ModelLoad {
        /** The one message logged at start-up. */
        public String message() {
            return "No speech model: " + problem + " (looked at " + lookedAt + "). " + remedy
                    + " Until then callers are recorded and an agent listens to them.";
        }
    }
}
