package ir.hotline137.recognizer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {
    private static final int AMPLITUDE = 16384;

    @Test
    void upsamplingA1kHzToneKeepsItsFrequencyLevelAndDuration() {
        byte[] out = resampleAll(new Resampler(8000, 16000), tone(8000, 1000, 8000));

        assertThat(out).hasSize(2 * 2 * 8000);
        double[] steady = steady(samples(out));
        assertThat(risingCrossingFrequency(steady, 16000)).isCloseTo(1000, within(0.5));
        assertThat(decibels(amplitude(steady, 1000, 16000) / AMPLITUDE)).isCloseTo(0, within(0.5));
    }

    @ParameterizedTest
    @CsvSource({"8000,16000,8000", "8000,16000,8001", "48000,16000,48001", "44100,16000,44100", "11025,16000,777",
        "16000,8000,3"})
    void theWholeOutputHoldsTheInputDurationRoundedUp(int from, int to, int inputSamples) {
        byte[] out = resampleAll(new Resampler(from, to), noise(2 * inputSamples));

        assertThat(out.length / 2L).isEqualTo(Math.ceilDiv((long) inputSamples * to, from));
    }

    @ParameterizedTest
    @CsvSource({"8000,16000", "44100,16000", "48000,16000", "16000,8000"})
    void chunksOfAnySizeGiveTheSameBytesAsOneGo(int from, int to) {
        byte[] input = noise(2 * from + 1);
        byte[] whole = resampleAll(new Resampler(from, to), input);

        assertThat(inChunks(new Resampler(from, to), input, 320)).isEqualTo(whole);
        assertThat(inChunks(new Resampler(from, to), input, 1, 7, 333, 0, 2, 319, 4001)).isEqualTo(whole);
    }

    @Test
    void flushStartsANewStream() {
        Resampler resampler = new Resampler(8000, 16000);
        byte[] input = noise(1001);

        assertThat(resampleAll(resampler, input)).isEqualTo(resampleAll(resampler, input));
    }

    @Test
    void upsamplingLeavesNoImageOfA3kHzTone() {
        double[] steady = steady(samples(resampleAll(new Resampler(8000, 16000), tone(8000, 3000, 8000))));

        // Doubling the rate mirrors the 8 kHz spectrum about 4 kHz, so 3 kHz would image at 5 kHz.
        double tone = amplitude(steady, 3000, 16000);
        double image = amplitude(steady, 5000, 16000);
        assertThat(decibels(image / tone)).isLessThan(-40);
    }

    @Test
    void downsamplingPassesSpeechAndStopsWhatWouldAlias() {
        double[] passed = steady(samples(resampleAll(new Resampler(48000, 16000), tone(48000, 1000, 48000))));
        double[] stopped = steady(samples(resampleAll(new Resampler(48000, 16000), tone(48000, 10000, 48000))));

        assertThat(decibels(amplitude(passed, 1000, 16000) / AMPLITUDE)).isCloseTo(0, within(0.5));
        // 10 kHz is above the 8 kHz Nyquist of the output; whatever is left of it, at any frequency, must be faint.
        assertThat(decibels(rms(stopped) * Math.sqrt(2) / AMPLITUDE)).isLessThan(-40);
    }

    @ParameterizedTest
    @CsvSource({"8000,16000,1000", "8000,16000,-1000", "44100,16000,-1000"})
    void aConstantComesOutExactly(int from, int to, int level) {
        double[] steady = steady(samples(resampleAll(new Resampler(from, to), constant(from, level))));

        assertThat(steady).containsOnly(level);
    }

    @Test
    void overshootClipsRatherThanWraps() {
        byte[] square = new byte[2 * 8000];
        for (int i = 0; i < 8000; i++) {
            int value = i / 8 % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
            square[2 * i] = (byte) value;
            square[2 * i + 1] = (byte) (value >> 8);
        }

        double[] out = samples(resampleAll(new Resampler(8000, 16000), square));

        // The filter rings past full scale at each edge; wrapping there would flip a peak to the opposite rail.
        assertThat(out).contains(Short.MAX_VALUE, Short.MIN_VALUE);
        for (int i = 1; i < out.length; i++) {
            assertThat(Math.abs(out[i] - out[i - 1])).as("step at %d", i).isLessThan(50_000);
        }
    }

    @Test
    void equalRatesReturnACopyOfTheBytes() {
        Resampler resampler = new Resampler(16000, 16000);
        byte[] input = noise(640);

        byte[] out = resampler.resample(input, 0, input.length);

        assertThat(out).isEqualTo(input).isNotSameAs(input);
        assertThat(resampler.flush()).isEmpty();
        assertThat(inChunks(new Resampler(16000, 16000), input, 3, 5, 1)).isEqualTo(input);
    }

    @Test
    void nonPositiveRatesAreRefused() {
        assertThatThrownBy(() -> new Resampler(0, 16000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new Resampler(8000, -16000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-16000");
    }

    private static byte[] resampleAll(Resampler resampler, byte[] input) {
        return inChunks(resampler, input, input.length);
    }

    private static byte[] inChunks(Resampler resampler, byte[] input, int... sizes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0, i = 0; at < input.length; i++) {
            int size = Math.min(sizes[i % sizes.length], input.length - at);
            out.writeBytes(resampler.resample(input, at, size));
            at += size;
        }
        out.writeBytes(resampler.flush());
        return out.toByteArray();
    }

    private static byte[] tone(int rate, double frequency, int samples) {
        byte[] pcm = new byte[2 * samples];
        for (int i = 0; i < samples; i++) {
            int value = (int) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * frequency * i / rate));
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        return pcm;
    }

    private static byte[] constant(int samples, int level) {
        byte[] pcm = new byte[2 * samples];
        for (int i = 0; i < samples; i++) {
            pcm[2 * i] = (byte) level;
            pcm[2 * i + 1] = (byte) (level >> 8);
        }
        return pcm;
    }

    private static byte[] noise(int bytes) {
        byte[] pcm = new byte[bytes];
        new Random(137).nextBytes(pcm);
        return pcm;
    }

    private static double[] samples(byte[] pcm) {
        double[] samples = new double[pcm.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (pcm[2 * i] & 0xFF | pcm[2 * i + 1] << 8);
        }
        return samples;
    }

    // The middle half, away from the edges where the tone starts out of and ends into silence.
    private static double[] steady(double[] samples) {
        return Arrays.copyOfRange(samples, samples.length / 4, samples.length * 3 / 4);
    }

    // Goertzel: the amplitude of one frequency, exact when the samples hold a whole number of its periods.
    private static double amplitude(double[] samples, double frequency, int rate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / rate);
        double previous = 0;
        double beforePrevious = 0;
        for (double sample : samples) {
            double current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return 2 * Math.sqrt(Math.max(power, 0)) / samples.length;
    }

    private static double risingCrossingFrequency(double[] samples, int rate) {
        double first = Double.NaN;
        double last = Double.NaN;
        int crossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                double at = i - samples[i] / (samples[i] - samples[i - 1]);
                first = crossings == 0 ? at : first;
                last = at;
                crossings++;
            }
        }
        return (crossings - 1) * rate / (last - first);
    }

    private static double rms(double[] samples) {
        return Math.sqrt(Arrays.stream(samples).map(s -> s * s).average().orElse(0));
    }

    private static double decibels(double ratio) {
        return 20 * Math.log10(ratio);
    }
}
