package ir.hotline137.recognizer.transcription;

import ir.hotline137.recognizer.audio.Resampler;
import ir.hotline137.recognizer.model.SpeechModel;
import java.io.IOException;
import java.time.Duration;
import org.vosk.Recognizer;

/**
 * One utterance on its way to words: audio at the line's rate goes in as it comes, is resampled to the model's
 * rate (a model fed 8 kHz audio hears nothing) and decoded at once, so the words are ready almost as soon as
 * the caller stops. Owns one Vosk recognizer, freed by {@link #finish()} or {@link #close()}: its native
 * memory grows with every second decoded, so none outlives its utterance.
 *
 * <p>Not thread-safe: one utterance, one thread at a time.
 */
public final class Transcription implements AutoCloseable {
    /** Telephone audio is 8 kHz; AudioSocket's fastest is 192 kHz. Anything outside is a damaged header. */
    private static final int LOWEST_RATE = 8_000;
    private static final int HIGHEST_RATE = 192_000;

    private final Recognizer recognizer;
    private final Resampler resampler;
    private final int inputRate;
    // Vosk ends a segment at each pause it notices; an utterance is all its segments.
    private final StringBuilder segments = new StringBuilder();
    private long inputBytes;
    private boolean closed;

    private Transcription(Recognizer recognizer, int inputRate, int modelRate) {
        this.recognizer = recognizer;
        this.resampler = new Resampler(inputRate, modelRate);
        this.inputRate = inputRate;
    }

    /**
     * Free speech, e.g. a problem described in the caller's words.
     *
     * @throws IllegalArgumentException for an input rate no telephone or recording has (e.g. a damaged header)
     */
    public static Transcription of(SpeechModel model, int inputRate) throws IOException {
        checkRate(inputRate);
        return new Transcription(model.newRecognizer(), inputRate, model.sampleRate());
    }

    private static void checkRate(int rate) {
        if (rate < LOWEST_RATE || rate > HIGHEST_RATE) {
            throw new IllegalArgumentException("audio at " + rate + " Hz cannot be speech for the recognizer; "
                    + "expected " + LOWEST_RATE + " to " + HIGHEST_RATE + " Hz");
        }
    }

    /** Takes the next audio: 16-bit little-endian mono PCM at the input rate. */
    public void accept(byte[] pcm, int offset, int length) {
        requireOpen();
        inputBytes += length;
        decode(resampler.resample(pcm, offset, length));
    }

    /** The words so far, for a screen to show while the caller is still speaking. */
    public String partial() {
        requireOpen();
        return join(segments.toString(), VoskResult.partial(recognizer.getPartialResult()));
    }

    /** Decodes what is left and frees the recognizer; "" when no words were heard. */
    public String finish() {
        requireOpen();
        try {
            decode(resampler.flush());
            append(VoskResult.text(recognizer.getFinalResult()));
            return segments.toString();
        } finally {
            close();
        }
    }

    /** How much audio went in. */
    public Duration heard() {
        return Duration.ofNanos(inputBytes / 2 * 1_000_000_000L / inputRate);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            recognizer.close();
        }
    }

    private void decode(byte[] atModelRate) {
        if (atModelRate.length > 0 && recognizer.acceptWaveForm(atModelRate, atModelRate.length)) {
            append(VoskResult.text(recognizer.getResult()));
        }
    }

    private void append(String words) {
        if (!words.isEmpty()) {
            segments.append(segments.isEmpty() ? "" : " ").append(words);
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this transcription is finished");
        }
    }
}
