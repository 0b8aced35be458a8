package ir.hotline137.ivr.speech;

import java.nio.file.Path;
import java.util.Optional;

/** What came of asking the caller to speak. */
public sealed interface CapturedSpeech {

    /** The recording of what was said, when there is one: it goes with the request or to the agent. */
    Optional<Path> recording();

    /** Words were recognised: the intake can go on by itself. */
    record Transcribed(String text, Optional<Path> recording) implements CapturedSpeech {
        public Transcribed {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a transcript must have words");
            }
        }
    }

    /** Something was recorded but no words came of it (no recognizer, or it understood nothing): a person listens. */
    record Untranscribed(Path file) implements CapturedSpeech {
        @Override
        public Optional<Path> recording() {
            return Optional.of(file);
        }
    }

    /** Nothing usable was recorded. */
    record NothingSaid() implements CapturedSpeech {
        @Override
        public Optional<Path> recording() {
            return Optional.empty();
        }
    }
}
