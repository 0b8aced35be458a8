package ir.hotline137.recognizer.transcription;

import ir.hotline137.recognizer.audio.WavAudio;
import ir.hotline137.recognizer.grammar.Grammar;
import ir.hotline137.recognizer.model.SpeechModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transcribes recordings Asterisk made with {@code RECORD FILE} (WAV, 16-bit mono, usually 8 kHz), for lines
 * that record the caller rather than stream the call. Thread-safe: every file gets its own recognizer.
 */
public final class FileTranscriber {
    private static final Logger log = LoggerFactory.getLogger(FileTranscriber.class);
    /** Fed in 20 ms pieces, as a telephone line delivers it, so results match the streamed path. */
    private static final int CHUNK_MILLIS = 20;

    private final SpeechModel model;

    public FileTranscriber(SpeechModel model) {
        this.model = model;
    }

    /** The words in the recording; empty when none were heard or the file cannot be read (logged). */
    public Optional<String> transcribe(Path wav) {
        try {
            WavAudio audio = WavAudio.read(wav);
            try (Transcription transcription = Transcription.of(model, audio.sampleRate())) {
                return words(feed(transcription, audio));
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Could not transcribe {}: {}", wav, e.getMessage());
            return Optional.empty();
        }
    }

    /** Which of the grammar's choices the recording says, if any. */
    public Optional<Grammar.Choice> hear(Path wav, Grammar grammar) {
        try {
            WavAudio audio = WavAudio.read(wav);
            try (Transcription transcription = Transcription.of(model, audio.sampleRate(), grammar)) {
                return grammar.match(feed(transcription, audio));
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Could not hear {} in {}: {}", grammar.name(), wav, e.getMessage());
            return Optional.empty();
        }
    }

    private static String feed(Transcription transcription, WavAudio audio) {
        byte[] pcm = audio.pcm();
        int chunk = audio.sampleRate() * 2 * CHUNK_MILLIS / 1000;
        for (int offset = 0; offset < pcm.length; offset += chunk) {
            transcription.accept(pcm, offset, Math.min(chunk, pcm.length - offset));
        }
        return transcription.finish();
    }

    private static Optional<String> words(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
