package ir.hotline137.ivr.fake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The audio a {@code RECORD FILE} leaves behind: 8 kHz 16-bit mono, as Asterisk records a phone line, written as
 * RIFF WAV ({@code wav}) or bare signed linear ({@code sln}, {@code raw}). Only stands in for speech: the words
 * travel in a side file.
 */
final class CallerAudio {

    static final int SAMPLE_RATE = 8000;

    private static final short PCM = 1;
    private static final short MONO = 1;
    private static final short BYTES_PER_SAMPLE = 2;
    private static final int WAV_HEADER_BYTES = 44;

    private CallerAudio() {
    }

    /** The formats written; Asterisk's {@code WAV} (GSM in WAV) and codecs are not, and fail as a bad format would. */
    static boolean canWrite(String format) {
        return format.equals("wav") || format.equals("sln") || format.equals("raw");
    }

    /**
     * A quiet voice-like murmur: a low tone with a harmonic, swelling in syllables, over a little line noise, so that
     * energy-based end-of-speech detection sees something while real recognisers hear no words.
     */
    static short[] speech(int samples, long seed) {
        Random noise = new Random(seed);
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            double t = (double) i / SAMPLE_RATE;
            double syllables = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t);
            double voice = Math.sin(2 * Math.PI * 180 * t) + 0.4 * Math.sin(2 * Math.PI * 360 * t);
            pcm[i] = (short) (1500 * syllables * voice + noise.nextGaussian() * 40);
        }
        return pcm;
    }

    static short[] silence(int samples) {
        return new short[samples];
    }

    static void write(Path file, String format, short[] pcm) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean wav = format.equals("wav");
        int dataBytes = pcm.length * BYTES_PER_SAMPLE;
        ByteBuffer bytes = ByteBuffer.allocate((wav ? WAV_HEADER_BYTES : 0) + dataBytes)
                .order(ByteOrder.LITTLE_ENDIAN);
        if (wav) {
            bytes.put(ascii("RIFF")).putInt(WAV_HEADER_BYTES - 8 + dataBytes).put(ascii("WAVE"));
            bytes.put(ascii("fmt ")).putInt(16).putShort(PCM).putShort(MONO)
                    .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * BYTES_PER_SAMPLE)
                    .putShort(BYTES_PER_SAMPLE).putShort((short) (BYTES_PER_SAMPLE * 8));
            bytes.put(ascii("data")).putInt(dataBytes);
        }
        for (short sample : pcm) {
            bytes.putShort(sample);
        }
        Files.write(file, bytes.array());
    }

    private static byte[] ascii(String chunkId) {
        return chunkId.getBytes(StandardCharsets.US_ASCII);
    }
}
