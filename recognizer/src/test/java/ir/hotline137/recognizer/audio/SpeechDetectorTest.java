package ir.hotline137.recognizer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ir.hotline137.recognizer.audio.SpeechDetector.State;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end-of-speech detector decides when the recognizer answers, so its timing is tested in audio time against
 * synthetic telephone audio whose timing is known to the sample: a 200 Hz tone at -20 dBFS (RMS) stands for a
 * voice, and the line is either digital silence or the faint hiss of a real line (Gaussian, σ = 40, about
 * -58 dBFS). The detector must wait for the no-speech time and no longer, end an utterance exactly one end
 * silence after the voice stops, ignore clicks and short pauses, cut a caller who never stops at the maximum
 * length, and not depend on how the audio happens to be split into packets.
 */
class SpeechDetectorTest {
    private static final int RATE = 8_000;
    private static final Endpointing ENDPOINTING = new Endpointing(Duration.ofMillis(800), Duration.ofSeconds(3),
            Duration.ofSeconds(10));
    /** A 20 ms window at 8 kHz, as one AudioSocket frame carries it. */
    private static final int FRAME = 320;
    private static final double LINE_HISS = 40;

    /** Digital silence, a quiet line, and a noisy one (σ = 300, about -41 dBFS) that must not pass for a voice. */
    @ParameterizedTest
    @ValueSource(doubles = {0, LINE_HISS, 300})
    void onlyTheLineIsNoSpeechExactlyWhenTheNoSpeechTimeHasBeenOffered(double sigma) {
        byte[] line = line(RATE, 5_000, sigma, 1);
        int noSpeechBytes = bytes(RATE, 3_000);
        SpeechDetector detector = new SpeechDetector(ENDPOINTING, RATE);

        assertThat(detector.state()).isEqualTo(State.WAITING);
        assertThat(detector.offer(line, 0, noSpeechBytes - 1)).isEqualTo(State.WAITING);
        assertThat(detector.offer(line, noSpeechBytes - 1, 1)).isEqualTo(State.NO_SPEECH);
        assertThat(detector.heardSpeech()).isFalse();
    }

    @Test
    void theNoSpeechTimeIsTheSameWhenOfferedFrameByFrame() {
        Timeline timeline = Timeline.of(new SpeechDetector(ENDPOINTING, RATE), line(RATE, 5_000, LINE_HISS, 2), FRAME);

        assertThat(timeline.firstMillis()).containsOnlyKeys(State.WAITING, State.NO_SPEECH);
        assertThat(timeline.firstMillis(State.NO_SPEECH)).isEqualTo(3_000);
        assertThat(timeline.last()).isEqualTo(State.NO_SPEECH);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, LINE_HISS})
    void aSecondOfVoiceThenQuietFinishesExactlyOneEndSilenceAfterTheVoiceStops(double sigma) {
        byte[] audio = concat(line(RATE, 500, sigma, 3), tone(RATE, 1_000), line(RATE, 3_000, sigma, 4));
        SpeechDetector detector = new SpeechDetector(ENDPOINTING, RATE);

        Timeline timeline = Timeline.of(detector, audio, FRAME);

        // Three voiced windows make an onset: 60 ms into the voice.
        assertThat(timeline.firstMillis(State.SPEAKING)).isBetween(500L, 600L);
        assertThat(timeline.stateAt(1_500)).as("still speaking at the last of the voice").isEqualTo(State.SPEAKING);
        assertThat(timeline.firstMillis(State.FINISHED)).isCloseTo(1_500 + 800, within(20L));
        assertThat(timeline.last()).isEqualTo(State.FINISHED);
        assertThat(detector.heardSpeech()).isTrue();
    }

    @Test
    void atSixteenKilohertzTheTimingIsTheSame() {
        int rate = 16_000;
        byte[] audio = concat(line(rate, 500, LINE_HISS, 5), tone(rate, 1_000), line(rate, 3_000, LINE_HISS, 6));

        Timeline timeline = Timeline.of(new SpeechDetector(ENDPOINTING, rate), rate, audio, 640);

        assertThat(timeline.firstMillis(State.SPEAKING)).isBetween(500L, 600L);
        assertThat(timeline.firstMillis(State.FINISHED)).isCloseTo(2_300, within(20L));
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 1_010})
    void aSingleClickDoesNotStartSpeech(int clickAtMillis) {
        // At 1010 ms the click straddles two windows: two voiced windows are still not an onset.
        byte[] audio = concat(line(RATE, clickAtMillis, LINE_HISS, 7), click(RATE),
                line(RATE, 4_000, LINE_HISS, 8));
        SpeechDetector detector = new SpeechDetector(ENDPOINTING, RATE);

        Timeline timeline = Timeline.of(detector, audio, FRAME);

        assertThat(timeline.firstMillis()).doesNotContainKey(State.SPEAKING);
        assertThat(timeline.firstMillis(State.NO_SPEECH)).isEqualTo(3_000);
        assertThat(detector.heardSpeech()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 500, 780})
    void aPauseShorterThanTheEndSilenceDoesNotEndTheUtterance(int pauseMillis) {
        byte[] audio = concat(line(RATE, 500, LINE_HISS, 9), tone(RATE, 600), line(RATE, pauseMillis, LINE_HISS, 10),
                tone(RATE, 600), line(RATE, 3_000, LINE_HISS, 11));
        int secondVoiceEnds = 500 + 600 + pauseMillis + 600;

        Timeline timeline = Timeline.of(new SpeechDetector(ENDPOINTING, RATE), audio, FRAME);

        assertThat(timeline.stateAt(secondVoiceEnds)).isEqualTo(State.SPEAKING);
        assertThat(timeline.firstMillis(State.FINISHED)).isCloseTo(secondVoiceEnds + 800, within(20L));
    }

    @Test
    void aPauseAsLongAsTheEndSilenceEndsTheUtteranceInThePause() {
        byte[] audio = concat(line(RATE, 500, LINE_HISS, 12), tone(RATE, 600), line(RATE, 800, LINE_HISS, 13),
                tone(RATE, 600), line(RATE, 3_000, LINE_HISS, 14));
        SpeechDetector detector = new SpeechDetector(ENDPOINTING, RATE);

        Timeline timeline = Timeline.of(detector, audio, FRAME);

        assertThat(timeline.firstMillis(State.FINISHED)).isCloseTo(1_100 + 800, within(20L));
        // Once over, the voice that follows changes nothing.
        assertThat(timeline.last()).isEqualTo(State.FINISHED);
        assertThat(detector.offer(tone(RATE, 1_000), 0, bytes(RATE, 1_000))).isEqualTo(State.FINISHED);
    }

    @Test
    void aCallerWhoNeverStopsIsCutAtTheMaximumLength() {
        ByteArrayOutputStream talk = new ByteArrayOutputStream();
        for (int syllable = 0; syllable < 40; syllable++) {
            talk.writeBytes(tone(RATE, 300));
            talk.writeBytes(line(RATE, 200, LINE_HISS, 100 + syllable)); // breaths, shorter than the end silence
        }
        SpeechDetector detector = new SpeechDetector(ENDPOINTING, RATE);

        Timeline timeline = Timeline.of(detector, talk.toByteArray(), FRAME);

        assertThat(timeline.firstMillis(State.SPEAKING)).isLessThan(100);
        assertThat(timeline.firstMillis()).doesNotContainKeys(State.FINISHED, State.NO_SPEECH);
        assertThat(timeline.firstMillis(State.TOO_LONG)).isEqualTo(10_000);
        assertThat(timeline.last()).isEqualTo(State.TOO_LONG);
        assertThat(detector.heardSpeech()).isTrue();
    }

    @Test
    void audioInOddSizedPiecesGivesTheSameResultAsInWholeFrames() {
        byte[] audio = concat(line(RATE, 500, LINE_HISS, 15), tone(RATE, 700), line(RATE, 300, LINE_HISS, 16),
                tone(RATE, 400), line(RATE, 2_000, LINE_HISS, 17));
        Timeline frames = Timeline.of(new SpeechDetector(ENDPOINTING, RATE), audio, FRAME);

        Timeline bytes = Timeline.of(new SpeechDetector(ENDPOINTING, RATE), audio, 1);
        Timeline odd = Timeline.of(new SpeechDetector(ENDPOINTING, RATE), audio, 7, 333, 1, 4_001, 319, 3);

        assertThat(frames.firstMillis()).containsOnlyKeys(State.WAITING, State.SPEAKING, State.FINISHED);
        // Byte by byte, every change is seen at the very byte that completes the deciding window.
        assertThat(bytes.firstBytes()).isEqualTo(frames.firstBytes());
        // In larger pieces it is seen at the end of the piece holding that byte.
        assertThat(odd.firstBytes()).containsOnlyKeys(frames.firstBytes().keySet());
        for (State state : frames.firstBytes().keySet()) {
            if (state == State.WAITING) {
                continue;
            }
            assertThat(odd.firstBytes().get(state)).as(state.name())
                    .isBetween(frames.firstBytes().get(state), frames.firstBytes().get(state) + 4_000);
            assertThat(odd.pieceHolding(frames.firstBytes().get(state) - 1)).as(state.name())
                    .isEqualTo(odd.firstBytes().get(state));
        }
        assertThat(odd.last()).isEqualTo(frames.last()).isEqualTo(State.FINISHED);
    }

    /**
     * Steady loud noise (σ = 3000, about -21 dBFS, as loud as the voice) is voice to begin with: nothing tells
     * the two apart at first, and the floor starts at -50 dBFS so that a caller who speaks at once is heard.
     * The floor creeps up under it at 1 dB/s, and once it is within 10 dB of the noise the windows stop counting
     * as voice and the utterance ends one end silence later. Observed: the onset 60 ms in and the end at
     * 19.16 s (about 18.4 s of creeping, plus the 0.8 s end silence), well before a 60 s maximum length; the
     * caller is then taken to have spoken. The bounds leave room for another noise seed, not another rule.
     */
    @Test
    void steadyLoudNoiseDoesNotCountAsSpeechForever() {
        Endpointing patient = new Endpointing(Duration.ofMillis(800), Duration.ofSeconds(3), Duration.ofSeconds(60));
        SpeechDetector detector = new SpeechDetector(patient, RATE);

        Timeline timeline = Timeline.of(detector, line(RATE, 60_000, 3_000, 18), FRAME);

        assertThat(timeline.firstMillis(State.SPEAKING)).isEqualTo(60);
        assertThat(timeline.firstMillis()).doesNotContainKey(State.TOO_LONG);
        assertThat(timeline.last()).isEqualTo(State.FINISHED);
        assertThat(timeline.firstMillis(State.FINISHED)).isBetween(18_000L, 20_500L);
        assertThat(detector.heardSpeech()).isTrue();
    }

    /** When each state was first reported while the audio was offered in pieces of the given sizes, in turn. */
    private record Timeline(int rate, Map<State, Long> firstBytes, long[] pieceEnds, State[] states) {

        static Timeline of(SpeechDetector detector, byte[] audio, int... sizes) {
            return of(detector, RATE, audio, sizes);
        }

        static Timeline of(SpeechDetector detector, int rate, byte[] audio, int... sizes) {
            Map<State, Long> first = new EnumMap<>(State.class);
            first.put(detector.state(), 0L);
            int pieces = 0;
            for (int at = 0, i = 0; at < audio.length; i++, pieces++) {
                at += Math.min(sizes[i % sizes.length], audio.length - at);
            }
            long[] ends = new long[pieces];
            State[] states = new State[pieces];
            for (int at = 0, i = 0; at < audio.length; i++) {
                int size = Math.min(sizes[i % sizes.length], audio.length - at);
                State state = detector.offer(audio, at, size);
                at += size;
                assertThat(detector.state()).isEqualTo(state);
                first.putIfAbsent(state, (long) at);
                ends[i] = at;
                states[i] = state;
            }
            return new Timeline(rate, first, ends, states);
        }

        Map<State, Long> firstMillis() {
            Map<State, Long> millis = new EnumMap<>(State.class);
            firstBytes.forEach((state, bytes) -> millis.put(state, toMillis(bytes)));
            return millis;
        }

        long firstMillis(State state) {
            assertThat(firstBytes).as("states reported").containsKey(state);
            return toMillis(firstBytes.get(state));
        }

        /** The state reported for the piece that ends at this audio time. */
        State stateAt(long millis) {
            long bytes = millis * rate / 1000 * 2;
            for (int i = 0; i < pieceEnds.length; i++) {
                if (pieceEnds[i] == bytes) {
                    return states[i];
                }
            }
            throw new AssertionError("no piece ends at " + millis + " ms");
        }

        /** Where the piece that holds this byte ends. */
        long pieceHolding(long byteIndex) {
            for (long end : pieceEnds) {
                if (byteIndex < end) {
                    return end;
                }
            }
            throw new AssertionError("byte " + byteIndex + " is past the audio");
        }

        State last() {
            return states[states.length - 1];
        }

        private long toMillis(long bytes) {
            return bytes / 2 * 1000 / rate;
        }
    }

    private static int bytes(int rate, int millis) {
        return rate * millis / 1000 * 2;
    }

    /** The voice: a 200 Hz tone whose RMS is -20 dBFS. */
    private static byte[] tone(int rate, int millis) {
        double amplitude = 32768 * Math.pow(10, -20 / 20.0) * Math.sqrt(2);
        short[] samples = new short[bytes(rate, millis) / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * 200 * i / rate));
        }
        return pcm(samples);
    }

    /** A click: 20 ms of a loud 1 kHz burst, at -6 dBFS. */
    private static byte[] click(int rate) {
        short[] samples = new short[bytes(rate, 20) / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(16_384 * Math.sin(2 * Math.PI * 1_000 * i / rate));
        }
        return pcm(samples);
    }

    /** The line: Gaussian noise of the given standard deviation, or digital silence for 0. */
    private static byte[] line(int rate, int millis, double sigma, long seed) {
        Random random = new Random(seed);
        short[] samples = new short[bytes(rate, millis) / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.clamp(Math.round(random.nextGaussian() * sigma), Short.MIN_VALUE,
                    Short.MAX_VALUE);
        }
        return pcm(samples);
    }

    private static byte[] pcm(short[] samples) {
        byte[] pcm = new byte[2 * samples.length];
        for (int i = 0; i < samples.length; i++) {
            pcm[2 * i] = (byte) samples[i];
            pcm[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return pcm;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
