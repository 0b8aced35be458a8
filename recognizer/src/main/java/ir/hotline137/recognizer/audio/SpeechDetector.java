package ir.hotline137.recognizer.audio;

/**
 * Tells from the loudness of the line when the caller starts speaking and when they have finished, so the
 * recognizer can answer as soon as they stop instead of at the end of a fixed time.
 *
 * <p>The line is judged in 20 ms windows against a noise floor that follows the line: it drops at once to any
 * quieter window and rises only slowly, so it settles on the hiss between words whatever the line's level. A
 * window is voiced when it is clearly louder than that floor (and than a fixed minimum), speech begins with a
 * few voiced windows in a row, and it has ended once the line stays unvoiced for the
 * {@link Endpointing#endSilence()}.
 * Everything is counted in audio time, so a recognizer that falls behind still cuts at the same place.
 *
 * <p>Not thread-safe: one per utterance.
 */
public final class SpeechDetector {

    /** Where the utterance stands after the audio offered so far. */
    public enum State {
        /** The caller has not started speaking. */
        WAITING,
        SPEAKING,
        /** The caller spoke and then stayed quiet for the end silence. */
        FINISHED,
        /** The caller never started within the no-speech time. */
        NO_SPEECH,
        /** The utterance reached its maximum length. */
        TOO_LONG
    }

    private static final int WINDOW_MILLIS = 20;
    /** Quieter than this is never speech, however quiet the line (dBFS). */
    private static final double QUIETEST_SPEECH_DB = -45;
    /** How far above the line's noise a window must be to count as voice. */
    private static final double ABOVE_NOISE_DB = 10;
    /** Voiced windows in a row that make a start of speech: a click is one, a syllable several. */
    private static final int ONSET_WINDOWS = 3;
    /** How fast the floor rises toward louder unvoiced windows (a line getting noisier). */
    private static final double NOISE_RISE = 0.05;
    // Loud steady noise that began as "speech" (traffic, a fan) must not count as speech for ever: under
    // voiced windows the floor still creeps up, a decibel a second.
    private static final double NOISE_CREEP_DB = 0.02;
    /**
     * Where the floor starts unless the line is quieter: a caller who starts talking with the first window
     * must not have their voice taken for the line's noise.
     */
    private static final double FIRST_FLOOR_DB = -50;

    private final int windowBytes;
    private final long endSilenceWindows;
    private final long noSpeechWindows;
    private final long maxWindows;
    private final byte[] pending;
    private int pendingBytes;

    private double noiseDb = Double.NaN;
    private long windows;
    private int voicedRun;
    private long quietRun;
    private boolean spoke;
    private State state = State.WAITING;

    public SpeechDetector(Endpointing endpointing, int sampleRate) {
        this.windowBytes = sampleRate * WINDOW_MILLIS / 1000 * 2;
        this.endSilenceWindows = endpointing.endSilence().toMillis() / WINDOW_MILLIS;
        this.noSpeechWindows = endpointing.noSpeech().toMillis() / WINDOW_MILLIS;
        this.maxWindows = endpointing.maxLength().toMillis() / WINDOW_MILLIS;
        this.pending = new byte[windowBytes];
    }

    /** Takes the next audio (16-bit little-endian mono PCM) and says where the utterance stands. */
    public State offer(byte[] pcm, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (at < end && !isOver()) {
            int take = Math.min(windowBytes - pendingBytes, end - at);
            System.arraycopy(pcm, at, pending, pendingBytes, take);
            pendingBytes += take;
            at += take;
            if (pendingBytes == windowBytes) {
                judge(levelDb(pending));
                pendingBytes = 0;
            }
        }
        return state;
    }

    public State state() {
        return state;
    }

    /** How long the line has been unvoiced, up to the audio offered last (0 while the caller is voicing). */
    public long quietMillis() {
        return quietRun * WINDOW_MILLIS;
    }

    /** Whether the caller has started speaking at some point. */
    public boolean heardSpeech() {
        return spoke;
    }

    private boolean isOver() {
        return state != State.WAITING && state != State.SPEAKING;
    }

    private void judge(double level) {
        windows++;
        if (Double.isNaN(noiseDb)) {
            noiseDb = Math.min(level, FIRST_FLOOR_DB);
        }
        boolean voiced = level > Math.max(QUIETEST_SPEECH_DB, noiseDb + ABOVE_NOISE_DB);
        if (level < noiseDb) {
            noiseDb = level;
        } else {
            noiseDb += voiced ? NOISE_CREEP_DB : (level - noiseDb) * NOISE_RISE;
        }
        voicedRun = voiced ? voicedRun + 1 : 0;
        quietRun = voiced ? 0 : quietRun + 1;
        if (voicedRun >= ONSET_WINDOWS) {
            spoke = true;
            state = State.SPEAKING;
        }
        if (spoke && quietRun >= endSilenceWindows) {
            state = State.FINISHED;
        } else if (!spoke && windows >= noSpeechWindows) {
            state = State.NO_SPEECH;
        } else if (windows >= maxWindows) {
            state = State.TOO_LONG;
        }
    }

    private static double levelDb(byte[] window) {
        double sum = 0;
        for (int i = 0; i + 1 < window.length; i += 2) {
            int sample = (short) ((window[i] & 0xff) | (window[i + 1] << 8));
            sum += (double) sample * sample;
        }
        double meanSquare = sum / (window.length / 2) / (32768.0 * 32768.0);
        return 10 * Math.log10(Math.max(meanSquare, 1e-12));
    }
}
