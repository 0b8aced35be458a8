package ir.hotline137.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A recording as Asterisk makes one (8 kHz, 16-bit, mono WAV) holding a plain tone, for tests that serve or play audio. */
public final class ToneWav {
    private ToneWav() {
    }

    /** Writes {@code seconds} of a 440 Hz tone to {@code file} and returns the file's bytes. */
    public static byte[] write(Path file, int seconds) throws IOException {
        int samples = 8_000 * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8_000).putInt(16_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (8_000 * Math.sin(2 * Math.PI * 440 * i / 8_000.0)));
        }
        Files.write(file, wav.array());
        return wav.array();
    }
}
