package ir.hotline137.ivr.speech;

import java.nio.file.Path;
import java.util.Optional;

/** Turns a recorded WAV file into words, when a recognizer is available. */
@FunctionalInterface
public interface Transcriber {

    /** Until a speech model is configured every recording goes to a person. */
    Transcriber NONE = file -> Optional.empty();

    /** @return the words heard, or empty when none were recognised or the file cannot be read */
    Optional<String> transcribe(Path wav);
}
