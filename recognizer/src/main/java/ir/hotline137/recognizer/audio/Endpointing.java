package ir.hotline137.recognizer.audio;

import java.time.Duration;

/**
 * When an utterance is over, in audio time, judged in 20 ms windows (durations are rounded down to them).
 *
 * @param endSilence how long the caller must be quiet after speaking for the utterance to end
 * @param noSpeech   how long to wait for the caller to begin before giving up
 * @param maxLength  the longest an utterance may run, however it goes
 */
public record Endpointing(Duration endSilence, Duration noSpeech, Duration maxLength) {
    private static final Duration WINDOW = Duration.ofMillis(20);

    public Endpointing {
        requirePositive(endSilence, "end silence");
        requirePositive(noSpeech, "no-speech time");
        requirePositive(maxLength, "maximum length");
    }

    /**
     * The same, but never longer than {@code limit} (nor shorter than one window): a flow may allow less than the
     * recognizer's cap.
     */
    public Endpointing atMost(Duration limit) {
        Duration bounded = limit.compareTo(WINDOW) < 0 ? WINDOW : limit;
        return bounded.compareTo(maxLength) < 0 ? new Endpointing(endSilence, noSpeech, bounded) : this;
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.compareTo(WINDOW) < 0) {
            throw new IllegalArgumentException("the " + what + " must be at least " + WINDOW.toMillis()
                    + " ms, one analysis window; not " + d);
        }
    }
}
