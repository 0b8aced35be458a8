package ir.hotline137.ivr;

import ir.hotline137.ivr.speech.Transcriber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Stands in for the speech recognizer until it exists: the fake Asterisk writes what its scripted caller
 * "said" next to the recording ({@code NAME.wav.words}), and this reads it back. Everything else on the
 * call's path is the real thing.
 */
public final class WordsFileTranscriber implements Transcriber {
    @Override
    public Optional<String> transcribe(Path wav) {
        Path words = wav.resolveSibling(wav.getFileName() + ".words");
        try {
            return Files.exists(words) ? Optional.of(Files.readString(words, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
