package ir.hotline137.prompts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a RIFF/WAVE file says about its audio, read by hand so that the test checks the bytes Asterisk will read
 * rather than what a tolerant audio library makes of them.
 *
 * @param format    1 for integer PCM
 * @param dataBytes the length of the {@code data} chunk
 */
record WavHeader(int format, int channels, int sampleRate, int bitsPerSample, int blockAlign, long dataBytes) {
    static WavHeader read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.remaining() < 12 || !tag(bytes, 0).equals("RIFF") || !tag(bytes, 8).equals("WAVE")) {
            throw new IOException(file + " is not a RIFF/WAVE file");
        }
        long riffEnd = Math.min(8 + Integer.toUnsignedLong(bytes.getInt(4)), bytes.limit());
        Integer format = null;
        int channels = 0;
        int sampleRate = 0;
        int bits = 0;
        int blockAlign = 0;
        int at = 12;
        while (at + 8 <= riffEnd) {
            String id = tag(bytes, at);
            long size = Integer.toUnsignedLong(bytes.getInt(at + 4));
            int body = at + 8;
            if (body + size > riffEnd) {
                throw new IOException(file + ": the '" + id + "' chunk runs past the end of the file");
            }
            if (id.equals("fmt ")) {
                if (size < 16) {
                    throw new IOException(file + ": the fmt chunk is only " + size + " bytes");
                }
                format = Short.toUnsignedInt(bytes.getShort(body));
                channels = Short.toUnsignedInt(bytes.getShort(body + 2));
                sampleRate = bytes.getInt(body + 4);
                blockAlign = Short.toUnsignedInt(bytes.getShort(body + 12));
                bits = Short.toUnsignedInt(bytes.getShort(body + 14));
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new IOException(file + ": the data chunk comes before the fmt chunk");
                }
                return new WavHeader(format, channels, sampleRate, bits, blockAlign, size);
            }
            // chunks are padded to an even length
            at = Math.toIntExact(body + size + (size & 1));
        }
        throw new IOException(file + " has no data chunk");
    }

    double seconds() {
        return (double) dataBytes / blockAlign / sampleRate;
    }

    private static String tag(ByteBuffer bytes, int at) {
        byte[] four = new byte[4];
        bytes.get(at, four);
        return new String(four, StandardCharsets.US_ASCII);
    }
}
