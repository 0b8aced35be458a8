package ir.hotline137.benchmarks;

import ir.hotline137.testsupport.audiosocket.AudioSocketCaller;
import ir.hotline137.recognizer.TestSentences;
import ir.hotline137.recognizer.TestSpeech;
import ir.hotline137.recognizer.audio.WavAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One test sentence as a telephone line carries it (8 kHz, 16-bit mono, made by espeak-ng and sox), and where
 * its speech really ends. The file trails off in quiet, so latency is timed from the last voiced sample, not
 * from the end of the file.
 */
final class TelephoneSentence {
    static final int RATE = 8_000;
    /** 20 ms, the size of an AudioSocket frame and of the speech detector's window. */
    static final int FRAME_SAMPLES = AudioSocketCaller.FRAME_BYTES / 2;
    static final long FRAME_NANOS = 20_000_000L;
    /** The speech detector's floor: no window quieter than this is ever speech. */
    private static final double QUIETEST_SPEECH_DB = -45;

    private final String text;
    private final byte[] pcm;
    private final int lastVoicedSample;

    private TelephoneSentence(String text, byte[] pcm, int lastVoicedSample) {
        this.text = text;
        this.pcm = pcm;
        this.lastVoicedSample = lastVoicedSample;
    }

    /** Every sentence of {@link TestSentences#ALL}, spoken (and cached) by {@link TestSpeech}. */
    static List<TelephoneSentence> all() {
        return TestSentences.ALL.stream().map(sentence -> of(sentence.text())).toList();
    }

    static TelephoneSentence of(String text) {
        WavAudio audio;
        try {
            audio = WavAudio.read(TestSpeech.telephone(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (audio.sampleRate() != RATE) {
            throw new IllegalStateException("telephone speech for '" + text + "' is " + audio.sampleRate() + " Hz");
        }
        // Whole frames only: a short last frame would shift the line noise that follows against the 20 ms
        // windows, and the frame that completes the end silence would no longer be where it is computed to be.
        // The padding is digital silence, as quiet as the file's own tail.
        int frameBytes = AudioSocketCaller.FRAME_BYTES;
        byte[] whole = Arrays.copyOf(audio.pcm(), Math.ceilDiv(audio.pcm().length, frameBytes) * frameBytes);
        return new TelephoneSentence(text, whole, lastVoiced(text, whole));
    }

    String text() {
        return text;
    }

    /** 16-bit little-endian samples, a whole number of 20 ms frames; not copied, so not to be changed. */
    byte[] pcm() {
        return pcm;
    }

    int lastVoicedSample() {
        return lastVoicedSample;
    }

    Duration duration() {
        return Duration.ofNanos(pcm.length / 2 * 1_000_000_000L / RATE);
    }

    /**
     * Which 20 ms frame of the stream (the sentence, then line noise; the first is 0) holds the sample that
     * completes {@code endSilence} of quiet after the last voiced sample: the moment that frame is sent is when
     * the caller has, in real time, finished speaking and been silent long enough to be answered.
     */
    long endSilenceFrame(Duration endSilence) {
        long silenceSamples = endSilence.toNanos() * RATE / 1_000_000_000L;
        return (lastVoicedSample + silenceSamples) / FRAME_SAMPLES;
    }

    /**
     * The last sample above the speech floor, in the last 20 ms window whose loudness is above it: the windows
     * are the speech detector's, so a lone click in the quiet tail does not count unless its window is loud.
     */
    private static int lastVoiced(String text, byte[] pcm) {
        int samples = pcm.length / 2;
        double floor = 32768 * Math.pow(10, QUIETEST_SPEECH_DB / 20);
        for (int start = (samples - 1) / FRAME_SAMPLES * FRAME_SAMPLES; start >= 0; start -= FRAME_SAMPLES) {
            int end = Math.min(samples, start + FRAME_SAMPLES);
            double sum = 0;
            for (int i = start; i < end; i++) {
                double x = sample(pcm, i);
                sum += x * x;
            }
            if (Math.sqrt(sum / (end - start)) > floor) {
                // A window's RMS never exceeds its loudest sample, so one sample here is above the floor.
                for (int i = end - 1; i >= start; i--) {
                    if (Math.abs(sample(pcm, i)) > floor) {
                        return i;
                    }
                }
            }
        }
        throw new IllegalStateException("no speech above " + QUIETEST_SPEECH_DB + " dBFS in '" + text + "'");
    }

    private static int sample(byte[] pcm, int index) {
        return (short) (pcm[2 * index] & 0xFF | pcm[2 * index + 1] << 8);
    }

    @Override
    public String toString() {
        return "'" + text + "' (" + duration().toMillis() + " ms, speech ends at "
                + lastVoicedSample * 1000L / RATE + " ms)";
    }
}
