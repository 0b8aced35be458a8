package ir.hotline137.testsupport.asterisk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The audio of a phone line: 8 kHz 16-bit mono, as Asterisk records it and as AudioSocket streams it. Writes what a
 * {@code RECORD FILE} leaves behind, as RIFF WAV ({@code wav}) or bare signed linear ({@code sln}, {@code raw}),
 * makes the murmur and the hiss that stand in for a caller, and reads the real recorded voice a test gives a
 * {@link Caller}, which must already be in the line's format: converting it here would hide what the server
 * really gets.
 */
final class CallerAudio {

    static final int SAMPLE_RATE = 8000;

    private static final short PCM = 1;
    private static final short MONO = 1;
    private static final short BYTES_PER_SAMPLE = 2;
    private static final int WAV_HEADER_BYTES = 44;
    // Standard deviation of the hiss on a line where nobody speaks; quiet, yet not the digital zero no line has.
    private static final double LINE_NOISE = 40;

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
            pcm[i] = (short) (1500 * syllables * voice + noise.nextGaussian() * LINE_NOISE);
        }
        return pcm;
    }

    /** The hiss of an open line with nobody speaking, as a caller who listens or thinks sends it. */
    static short[] lineNoise(int samples, Random noise) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) Math.round(noise.nextGaussian() * LINE_NOISE);
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

    /**
     * The samples of a WAV file that holds 8 kHz 16-bit mono PCM. The chunks are walked as RIFF says (a stranger's
     * file may carry LIST or fact chunks before the audio); the fake insists on the telephone's format and on there
     * being audio.
     *
     * @throws IllegalArgumentException if the file is no such WAV, saying what it is and how to convert it
     */
    static short[] readWav(Path wav) throws IOException {
        byte[] file = Files.readAllBytes(wav);
        if (!isRiffWave(file)) {
            throw notTelephoneWav(wav, "not a RIFF WAVE file");
        }
        ByteBuffer riff = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        riff.position(12);
        boolean formatSeen = false;
        while (riff.remaining() >= 8) {
            String chunk = new String(file, riff.position(), 4, StandardCharsets.US_ASCII);
            riff.position(riff.position() + 4);
            int size = riff.getInt();
            int body = riff.position();
            if (size < 0 || body + size > file.length) {
                throw notTelephoneWav(wav, "its " + chunk.strip() + " chunk runs past the end");
            }
            if (chunk.equals("fmt ")) {
                short encoding = riff.getShort(body);
                short channels = riff.getShort(body + 2);
                int rate = riff.getInt(body + 4);
                short bits = riff.getShort(body + 14);
                if (encoding != PCM || channels != MONO || bits != BYTES_PER_SAMPLE * 8) {
                    throw notTelephoneWav(wav, "it holds encoding " + encoding + ", " + channels + " channel(s), "
                            + bits + " bits");
                }
                if (rate != SAMPLE_RATE) {
                    throw notTelephoneWav(wav, "it holds " + rate + " Hz");
                }
                formatSeen = true;
            } else if (chunk.equals("data")) {
                if (!formatSeen) {
                    throw notTelephoneWav(wav, "its audio comes before its format");
                }
                if (size < BYTES_PER_SAMPLE) {
                    throw notTelephoneWav(wav, "it holds no audio");
                }
                short[] pcm = new short[size / BYTES_PER_SAMPLE];
                ByteBuffer.wrap(file, body, pcm.length * BYTES_PER_SAMPLE).order(ByteOrder.LITTLE_ENDIAN)
                        .asShortBuffer().get(pcm);
                return pcm;
            }
            // Chunks are padded to an even length.
            riff.position(body + size + (size & 1));
        }
        throw notTelephoneWav(wav, "it has no audio chunk");
    }

    private static boolean isRiffWave(byte[] head) {
        return head.length >= 12 && new String(head, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WAVE");
    }

    private static IllegalArgumentException notTelephoneWav(Path wav, String why) {
        return new IllegalArgumentException(wav + " is not 8 kHz 16-bit mono PCM WAV, as a phone line carries: "
                + why + "; convert it first, e.g. sox in.wav -r 8000 -c 1 -b 16 -e signed-integer out.wav");
    }

    private static byte[] ascii(String chunkId) {
        return chunkId.getBytes(StandardCharsets.US_ASCII);
    }
}
