package ir.hotline137.recognizer.audio;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts a stream of 16-bit little-endian mono PCM from one sample rate to another, because the speech model
 * wants 16 kHz and the telephone delivers 8 kHz (or whatever Asterisk negotiated).
 *
 * <p>A rational polyphase resampler: up by {@code L = to / gcd}, down by {@code M = from / gcd}, through a
 * Kaiser-windowed sinc low-pass whose pass band ends at 90% of the lower of the two Nyquist frequencies and whose
 * stop band, about 80 dB down, begins at that Nyquist frequency. From 8 kHz that is 3.6 kHz of pass band, 102
 * taps per output sample, and 6.4 ms of look-ahead before an output sample can be emitted.
 *
 * <p>Output sample {@code n} is the signal at input time {@code n * from / to}: the filter is centred, so the
 * output is not delayed relative to the input. After {@link #flush()}, the output since creation (or the previous
 * flush) holds exactly {@code ceil(N * to / from)} samples for {@code N} whole input samples; before it, fewer
 * by what the look-ahead still holds back. Splitting the input differently never changes a single output byte.
 *
 * <p>Equal rates pass the bytes through untouched. Instances hold one stream's state and are not thread-safe;
 * the filter banks behind them are shared and immutable.
 */
public final class Resampler {
    // Where the pass band ends, as a fraction of the lower Nyquist frequency. Telephone speech stops at 3.4 kHz,
    // so from 8 kHz nothing it carries is touched, and nothing at or above Nyquist survives to image or alias.
    private static final double PASS_BAND_EDGE = 0.90;
    private static final double STOP_BAND_DB = 80;

    private static final Map<Ratio, FilterBank> BANKS = new ConcurrentHashMap<>();

    private final int fromRate;
    private final int toRate;
    private final FilterBank bank;

    // Input samples as floats; history[next] is the oldest sample the next output sample reads.
    private float[] history;
    private int historyLength;
    private int next;
    private int phase;
    private long received;
    private long emitted;
    private int danglingByte = -1;

    public Resampler(int fromRate, int toRate) {
        if (fromRate <= 0) {
            throw new IllegalArgumentException("source sample rate must be positive, not " + fromRate);
        }
        if (toRate <= 0) {
            throw new IllegalArgumentException("target sample rate must be positive, not " + toRate);
        }
        this.fromRate = fromRate;
        this.toRate = toRate;
        int gcd = gcd(fromRate, toRate);
        Ratio ratio = new Ratio(toRate / gcd, fromRate / gcd);
        this.bank = fromRate == toRate ? null : BANKS.computeIfAbsent(ratio, FilterBank::design);
        this.history = new float[bank == null ? 0 : 2 * bank.taps()];
        restart();
    }

    public int fromRate() {
        return fromRate;
    }

    public int toRate() {
        return toRate;
    }

    /**
     * Takes the next bytes of the stream, of any length (a half sample is kept for the next call), and returns the
     * output bytes that have become available, possibly none.
     */
    public byte[] resample(byte[] pcm, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, pcm.length);
        if (bank == null) {
            return passThrough(pcm, offset, length);
        }
        compact();
        int end = offset + length;
        ensureRoom((length + 1) / 2);
        int at = offset;
        if (danglingByte >= 0 && at < end) {
            append(danglingByte | pcm[at++] << 8);
            danglingByte = -1;
        }
        for (; at + 1 < end; at += 2) {
            append(pcm[at] & 0xFF | pcm[at + 1] << 8);
        }
        if (at < end) {
            danglingByte = pcm[at] & 0xFF;
        }
        return produce(Long.MAX_VALUE);
    }

    /**
     * Ends the stream as if silence followed it and returns the rest of the output, then starts afresh for a new
     * stream. A dangling half sample is dropped.
     */
    public byte[] flush() {
        if (bank == null) {
            danglingByte = -1;
            return new byte[0];
        }
        compact();
        int silence = bank.taps() / 2;
        ensureRoom(silence);
        historyLength += silence; // compact() left zeros behind the valid samples
        long total = Math.ceilDiv(received * bank.up(), bank.down());
        byte[] rest = produce(total - emitted);
        restart();
        return rest;
    }

    private byte[] passThrough(byte[] pcm, int offset, int length) {
        int carried = danglingByte >= 0 ? 1 : 0;
        int whole = (carried + length) & ~1;
        byte[] out = new byte[whole];
        if (whole == 0) {
            if (length > 0) {
                danglingByte = pcm[offset] & 0xFF;
            }
            return out;
        }
        if (carried == 1) {
            out[0] = (byte) danglingByte;
        }
        System.arraycopy(pcm, offset, out, carried, whole - carried);
        danglingByte = (carried + length) % 2 == 1 ? pcm[offset + length - 1] & 0xFF : -1;
        return out;
    }

    private byte[] produce(long limit) {
        int taps = bank.taps();
        int up = bank.up();
        int down = bank.down();
        long room = historyLength - taps - next;
        long ready = room < 0 ? 0 : Math.ceilDiv((room + 1) * up - phase, down);
        int count = Math.toIntExact(Math.min(ready, limit));
        float[] coefficients = bank.coefficients();
        byte[] out = new byte[2 * count];
        for (int n = 0; n < count; n++) {
            int c = phase * taps;
            float sum = 0;
            for (int k = 0; k < taps; k++) {
                sum += coefficients[c + k] * history[next + k];
            }
            int sample = Math.clamp(Math.round(sum), Short.MIN_VALUE, Short.MAX_VALUE);
            out[2 * n] = (byte) sample;
            out[2 * n + 1] = (byte) (sample >> 8);
            phase += down;
            next += phase / up;
            phase %= up;
        }
        emitted += count;
        return out;
    }

    private void append(int sample) {
        history[historyLength++] = (short) sample;
        received++;
    }

    // Drops samples no future output reads. When downsampling skips past the end of what has arrived, next stays
    // ahead of historyLength and the samples it skips are stored but never read.
    private void compact() {
        int drop = Math.min(next, historyLength);
        System.arraycopy(history, drop, history, 0, historyLength - drop);
        Arrays.fill(history, historyLength - drop, historyLength, 0f);
        historyLength -= drop;
        next -= drop;
    }

    private void ensureRoom(int samples) {
        int needed = historyLength + samples;
        if (needed > history.length) {
            history = Arrays.copyOf(history, Math.max(needed, 2 * history.length));
        }
    }

    private void restart() {
        Arrays.fill(history, 0f);
        // The samples before the stream began are silence; the first output reads taps/2 - 1 of them.
        historyLength = bank == null ? 0 : bank.taps() / 2 - 1;
        next = 0;
        phase = 0;
        received = 0;
        emitted = 0;
        danglingByte = -1;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private record Ratio(int up, int down) {
    }

    /**
     * The low-pass split into {@code up} phases of {@code taps} coefficients each, stored phase after phase;
     * phase {@code p} interpolates at {@code p / up} of the way past an input sample.
     */
    private record FilterBank(int up, int down, int taps, float[] coefficients) {
        static FilterBank design(Ratio ratio) {
            // Frequencies in cycles per input sample.
            double nyquist = Math.min(ratio.up(), ratio.down()) / (2.0 * ratio.down());
            double transition = (1 - PASS_BAND_EDGE) * nyquist;
            double cutoff = nyquist - transition / 2;
            // Kaiser's estimates of the length and shape that reach the stop-band attenuation.
            int half = (int) Math.ceil((STOP_BAND_DB - 7.95) / (2.285 * 2 * Math.PI * transition) / 2);
            double beta = 0.1102 * (STOP_BAND_DB - 8.7);
            int taps = 2 * half;
            float[] coefficients = new float[ratio.up() * taps];
            double[] phaseTaps = new double[taps];
            for (int p = 0; p < ratio.up(); p++) {
                double fraction = (double) p / ratio.up();
                double sum = 0;
                for (int k = 0; k < taps; k++) {
                    double x = fraction - (k - half + 1);
                    phaseTaps[k] = sinc(2 * cutoff * x) * kaiser(x / half, beta);
                    sum += phaseTaps[k];
                }
                // Unit gain per phase, so a constant input comes out constant rather than with a faint whine
                // at the phase rate.
                for (int k = 0; k < taps; k++) {
                    coefficients[p * taps + k] = (float) (phaseTaps[k] / sum);
                }
            }
            return new FilterBank(ratio.up(), ratio.down(), taps, coefficients);
        }

        private static double sinc(double x) {
            return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        }

        private static double kaiser(double position, double beta) {
            double inside = 1 - position * position;
            return inside < 0 ? 0 : besselI0(beta * Math.sqrt(inside)) / besselI0(beta);
        }

        private static double besselI0(double x) {
            double sum = 1;
            double term = 1;
            for (int k = 1; term > 1e-12 * sum; k++) {
                term *= (x / (2 * k)) * (x / (2 * k));
                sum += term;
            }
            return sum;
        }
    }
}
