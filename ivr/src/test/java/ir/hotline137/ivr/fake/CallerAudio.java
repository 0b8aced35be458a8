package ir.hotline137.ivr.fake;

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
    private static final int EXTENSIBLE = 0xFFFE;
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
     * The samples of a RIFF WAV file that holds 8 kHz 16-bit mono PCM, found by walking its chunks to {@code data},
     * so that files with {@code LIST} or {@code fact} chunks, as editors write them, read too.
     *
     * @throws IllegalArgumentException if the file is no such WAV, saying what it is and how to convert it
     */
    static short[] readWav(Path wav) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.limit() < 12 || !chunkId(bytes, 0).equals("RIFF") || !chunkId(bytes, 8).equals("WAVE")) {
            throw notTelephoneWav(wav, "not a RIFF WAVE file");
        }
        boolean formatSeen = false;
        int chunk = 12;
        while (bytes.limit() - chunk >= 8) {
            String id = chunkId(bytes, chunk);
            long size = Integer.toUnsignedLong(bytes.getInt(chunk + 4));
            int body = chunk + 8;
            // Writers that stream leave the size unknown (0 or 0xFFFFFFFF); what the file holds is what there is.
            int available = bytes.limit() - body;
            if (id.equals("fmt ")) {
                if (size < 16 || size > available) {
                    throw notTelephoneWav(wav, "its fmt chunk is cut short");
                }
                checkTelephoneFormat(wav, bytes, body, size);
                formatSeen = true;
            } else if (id.equals("data")) {
                if (!formatSeen) {
                    throw notTelephoneWav(wav, "its data chunk comes before any fmt chunk");
                }
                short[] pcm = new short[(int) Math.min(size, available) / BYTES_PER_SAMPLE];
                bytes.slice(body, pcm.length * BYTES_PER_SAMPLE).order(ByteOrder.LITTLE_ENDIAN)
                        .asShortBuffer().get(pcm);
                if (pcm.length == 0) {
                    throw notTelephoneWav(wav, "it holds no audio");
                }
                return pcm;
            }
            // Chunks are padded to an even length.
            long next = body + size + (size & 1);
            if (next > bytes.limit()) {
                break;
            }
            chunk = (int) next;
        }
        throw notTelephoneWav(wav, "it has no data chunk");
    }

    private static void checkTelephoneFormat(Path wav, ByteBuffer bytes, int body, long size) {
        int tag = bytes.getShort(body) & 0xFFFF;
        int channels = bytes.getShort(body + 2) & 0xFFFF;
        int rate = bytes.getInt(body + 4);
        int bits = bytes.getShort(body + 14) & 0xFFFF;
        // WAVE_FORMAT_EXTENSIBLE names the real format in the first two bytes of its sub-format GUID.
        if (tag == EXTENSIBLE && size >= 40) {
            tag = bytes.getShort(body + 24) & 0xFFFF;
        }
        if (tag != PCM || channels != MONO || rate != SAMPLE_RATE || bits != BYTES_PER_SAMPLE * 8) {
            throw notTelephoneWav(wav, "it holds " + (tag == PCM ? "PCM" : "format " + tag) + ", " + rate + " Hz, "
                    + bits + "-bit, " + channels + " channel(s)");
        }
    }

    private static IllegalArgumentException notTelephoneWav(Path wav, String why) {
        return new IllegalArgumentException(wav + " is not 8 kHz 16-bit mono PCM WAV, as a phone line carries: "
                + why + "; convert it first, e.g. sox in.wav -r 8000 -c 1 -b 16 -e signed-integer out.wav");
    }

    private static String chunkId(ByteBuffer bytes, int at) {
        byte[] id = new byte[4];
        bytes.get(at, id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String chunkId) {
        return chunkId.getBytes(StandardCharsets.US_ASCII);
    }
}
