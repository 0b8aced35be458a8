package ir.hotline137.recognizer.audio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Writes 16-bit mono PCM to a WAV file as it arrives, so the audio a request was made from is kept for reference.
 * Until {@link #close()} the header's sizes are 0xFFFFFFFF, which sox and {@link WavAudio#read} take as "to the
 * end of the file", so a recording cut short by a crash is still readable.
 * Not thread-safe: one writer per recording.
 */
public final class WavRecorder implements AutoCloseable {
    private static final int HEADER_BYTES = 44;
    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;
    private static final long MAX_DATA_BYTES = UNKNOWN_SIZE - (HEADER_BYTES - 8);

    private final Path file;
    private final int sampleRate;
    private final FileChannel channel;
    private final OutputStream out;
    private long dataBytes;
    private boolean closed;

    private WavRecorder(Path file, int sampleRate, FileChannel channel) {
        this.file = file;
        this.sampleRate = sampleRate;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
    }

    /** Creates (or truncates) the file and any missing parent directories, and writes the header. */
    public static WavRecorder create(Path file, int sampleRate) throws IOException {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, not " + sampleRate);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        WavRecorder recorder = new WavRecorder(file, sampleRate, channel);
        try {
            recorder.out.write(recorder.header(UNKNOWN_SIZE, UNKNOWN_SIZE));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return recorder;
    }

    public void write(byte[] pcm, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the recording " + file + " is already closed");
        }
        if (dataBytes + length > MAX_DATA_BYTES) {
            throw new IOException("the recording " + file + " would outgrow the 4 GiB a WAV file can hold");
        }
        out.write(pcm, offset, length);
        dataBytes += length;
    }

    /** How much audio has been written so far, whole samples only. */
    public Duration written() {
        return Duration.ofNanos(dataBytes / 2 * 1_000_000_000L / sampleRate);
    }

    public Path file() {
        return file;
    }

    /**
     * Completes the header with the final sizes and closes the file; later calls do nothing. A trailing half
     * sample is cut off so the file holds whole samples only.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            out.flush();
            long whole = dataBytes & ~1L;
            channel.truncate(HEADER_BYTES + whole);
            channel.write(ByteBuffer.wrap(header(HEADER_BYTES - 8 + whole, whole)), 0);
        }
    }

    private byte[] header(long riffSize, long dataSize) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) riffSize);
        header.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        header.putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(2 * sampleRate);
        header.putShort((short) 2).putShort((short) 16);
        header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataSize);
        return header.array();
    }
}
