package ir.hotline137.recognizer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavFilesTest {
    private static final byte[] SECOND_AT_8K = pcm(16000);

    @TempDir
    Path dir;

    @Test
    void whatTheRecorderWritesReadsBack() throws IOException {
        Path file = dir.resolve("2024/05/call-1.wav");
        WavRecorder recorder = WavRecorder.create(file, 8000);
        for (int at = 0; at < SECOND_AT_8K.length; at += 320) {
            recorder.write(SECOND_AT_8K, at, 320);
        }
        assertThat(recorder.written()).isEqualTo(Duration.ofSeconds(1));
        assertThat(recorder.file()).isEqualTo(file);
        recorder.close();
        recorder.close(); // a second close must leave the finished file as it is

        WavAudio audio = WavAudio.read(file);
        assertThat(audio.sampleRate()).isEqualTo(8000);
        assertThat(audio.pcm()).isEqualTo(SECOND_AT_8K);
        assertThat(audio.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Files.size(file)).isEqualTo(44 + SECOND_AT_8K.length);
    }

    @Test
    void aRecordingNotYetClosedReadsAsFarAsItGot() throws IOException {
        Path file = dir.resolve("crashed.wav");
        byte[] audio = pcm(200_000);
        try (WavRecorder recorder = WavRecorder.create(file, 8000)) {
            recorder.write(audio, 0, audio.length);

            byte[] onDisk = WavAudio.read(file).pcm();
            assertThat(onDisk.length).isPositive();
            assertThat(onDisk).isEqualTo(Arrays.copyOf(audio, onDisk.length));
        }
    }

    @Test
    void otherChunksAndTheirPadBytesAreSkipped() throws IOException {
        Path file = write(riff(chunk("fmt ", fmt(1, 1, 16000, 16)), chunk("LIST", new byte[26]),
                chunk("odd ", new byte[3]), chunk("data", SECOND_AT_8K), chunk("LIST", new byte[9])));

        WavAudio audio = WavAudio.read(file);

        assertThat(audio.sampleRate()).isEqualTo(16000);
        assertThat(audio.pcm()).isEqualTo(SECOND_AT_8K);
        assertThat(audio.duration()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void extensibleFormatCarryingPcmIsRead() throws IOException {
        byte[] pcmSubFormat = {1, 0, 0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71};
        ByteBuffer extensible = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN)
                .put(fmt(0xFFFE, 1, 48000, 16)).putShort((short) 22).putShort((short) 16).putInt(4).put(pcmSubFormat);

        WavAudio audio = WavAudio.read(write(riff(chunk("fmt ", extensible.array()), chunk("data", SECOND_AT_8K))));

        assertThat(audio.sampleRate()).isEqualTo(48000);
        assertThat(audio.pcm()).isEqualTo(SECOND_AT_8K);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aDataSizeOfZeroOrPastTheEndTakesTheBytesThatAreThere(int declaredSize) throws IOException {
        byte[] header = riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("data", new byte[0]));
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putInt(header.length - 4, declaredSize);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(header);
        file.writeBytes(SECOND_AT_8K);
        file.write(0); // half a sample, as a crash mid-write leaves

        assertThat(WavAudio.read(write(file.toByteArray())).pcm()).isEqualTo(SECOND_AT_8K);
    }

    @Test
    void eightBitIsRefused() throws IOException {
        Path file = write(riff(chunk("fmt ", fmt(1, 1, 8000, 8)), chunk("data", new byte[8])));

        assertThatThrownBy(() -> WavAudio.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + " is 8-bit; expected 16-bit PCM");
    }

    @Test
    void stereoIsRefused() throws IOException {
        Path file = write(riff(chunk("fmt ", fmt(1, 2, 8000, 16)), chunk("data", new byte[8])));

        assertThatThrownBy(() -> WavAudio.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + " has 2 channels; expected mono");
    }

    @Test
    void mulawIsRefused() throws IOException {
        Path file = write(riff(chunk("fmt ", fmt(7, 1, 8000, 8)), chunk("data", new byte[8])));

        assertThatThrownBy(() -> WavAudio.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + " is not PCM (µ-law); expected 16-bit PCM");
    }

    @Test
    void aFileThatIsNotRiffWaveIsRefused() throws IOException {
        Path file = write("ID3\u0004 not a wave file at all".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> WavAudio.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + " is not a RIFF/WAVE file");
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "audio", ".wav"), bytes);
    }

    private static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        Arrays.stream(chunks).forEach(body::writeBytes);
        return chunk("RIFF", body.toByteArray());
    }

    private static byte[] chunk(String id, byte[] body) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + body.length + body.length % 2).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return chunk.array();
    }

    private static byte[] fmt(int format, int channels, int rate, int bits) {
        int blockAlign = channels * bits / 8;
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) format)
                .putShort((short) channels).putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign)
                .putShort((short) bits).array();
    }

    private static byte[] pcm(int bytes) {
        byte[] pcm = new byte[bytes];
        new Random(137).nextBytes(pcm);
        return pcm;
    }
}
