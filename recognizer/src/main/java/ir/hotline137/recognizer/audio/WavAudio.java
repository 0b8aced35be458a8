package ir.hotline137.recognizer.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * A recording as the recognizer takes it: 16-bit little-endian mono PCM at a sample rate, read from a WAV file.
 * The bytes are held as given, not copied, since a recording can run to many megabytes.
 */
public record WavAudio(int sampleRate, byte[] pcm) {
    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;
    // KSDATAFORMAT_SUBTYPE_PCM after its first two bytes, which carry the format code itself.
    private static final byte[] SUBTYPE_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    public WavAudio {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, not " + sampleRate);
        }
        if (pcm.length % 2 != 0) {
            throw new IllegalArgumentException("16-bit PCM needs an even number of bytes, not " + pcm.length);
        }
    }

    public Duration duration() {
        return Duration.ofNanos(pcm.length / 2 * 1_000_000_000L / sampleRate);
    }

    /**
     * Reads a 16-bit mono PCM WAV file. A data chunk whose size is 0 or runs past the end of the file, as a
     * recording cut short by a crash leaves it, yields the bytes that are there.
     *
     * @throws IOException if the file cannot be read or holds anything but 16-bit mono PCM
     */
    public static WavAudio read(Path file) throws IOException {
        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.limit() < 12 || !"RIFF".equals(fourCc(wav, 0)) || !"WAVE".equals(fourCc(wav, 8))) {
            throw new IOException(file + " is not a RIFF/WAVE file");
        }
        Integer sampleRate = null;
        byte[] pcm = null;
        int at = 12;
        while (at + 8 <= wav.limit() && pcm == null) {
            String id = fourCc(wav, at);
            long size = Integer.toUnsignedLong(wav.getInt(at + 4));
            int body = at + 8;
            int present = wav.limit() - body;
            if (id.equals("fmt ")) {
                if (size < 16 || present < size) {
                    throw new IOException(file + " has a truncated fmt chunk");
                }
                sampleRate = checkFormat(file, wav.slice(body, (int) size).order(ByteOrder.LITTLE_ENDIAN));
            } else if (id.equals("data")) {
                if (sampleRate == null) {
                    throw new IOException(file + " has its data chunk before the fmt chunk");
                }
                int length = size == 0 || size > present ? present : (int) size;
                pcm = Arrays.copyOfRange(wav.array(), body, body + (length & ~1));
            }
            // RIFF pads every odd-sized chunk with one byte that its size does not count.
            at = (int) Math.min(wav.limit(), body + size + (size & 1));
        }
        if (sampleRate == null) {
            throw new IOException(file + " has no fmt chunk");
        }
        if (pcm == null) {
            throw new IOException(file + " has no data chunk");
        }
        return new WavAudio(sampleRate, pcm);
    }

    private static int checkFormat(Path file, ByteBuffer fmt) throws IOException {
        int format = Short.toUnsignedInt(fmt.getShort(0));
        int channels = Short.toUnsignedInt(fmt.getShort(2));
        long sampleRate = Integer.toUnsignedLong(fmt.getInt(4));
        int bits = Short.toUnsignedInt(fmt.getShort(14));
        if (format == EXTENSIBLE) {
            if (fmt.limit() < 40) {
                throw new IOException(file + " has a truncated WAVE_FORMAT_EXTENSIBLE fmt chunk");
            }
            format = Short.toUnsignedInt(fmt.getShort(24));
            if (!fmt.slice(26, SUBTYPE_TAIL.length).equals(ByteBuffer.wrap(SUBTYPE_TAIL))) {
                throw new IOException(file + " is not PCM (unknown sub-format); expected 16-bit PCM");
            }
        }
        if (format != PCM) {
            throw new IOException(file + " is not PCM (" + formatName(format) + "); expected 16-bit PCM");
        }
        if (bits != 16) {
            throw new IOException(file + " is " + bits + "-bit; expected 16-bit PCM");
        }
        if (channels != 1) {
            throw new IOException(file + " has " + channels + " channels; expected mono");
        }
        if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
            throw new IOException(file + " declares a sample rate of " + sampleRate);
        }
        return (int) sampleRate;
    }

    private static String formatName(int format) {
        return switch (format) {
            case 3 -> "IEEE float";
            case 6 -> "A-law";
            case 7 -> "µ-law";
            default -> "format " + format;
        };
    }

    private static String fourCc(ByteBuffer wav, int at) {
        byte[] id = new byte[4];
        wav.get(at, id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WavAudio that && sampleRate == that.sampleRate && Arrays.equals(pcm, that.pcm);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRate + Arrays.hashCode(pcm);
    }

    @Override
    public String toString() {
        return "WavAudio[sampleRate=" + sampleRate + ", bytes=" + pcm.length + "]";
    }
}
