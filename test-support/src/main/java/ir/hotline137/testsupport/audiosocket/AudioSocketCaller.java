package ir.hotline137.testsupport.audiosocket;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Asterisk's side of one AudioSocket connection, written from the protocol and not from our decoder: sends the
 * UUID, audio in 320-byte frames (at the pace of a real line or as fast as the socket takes them), keys and
 * malformed bytes, and notices when the server ends the stream. The one AudioSocket client of every test: the
 * recognizer's tests drive it frame by frame, the fake Asterisk plays a caller's voice through it.
 */
public final class AudioSocketCaller implements AutoCloseable {
    /** 20 ms of 8 kHz 16-bit mono audio, as the dialplan application sends it. */
    public static final int FRAME_BYTES = 320;
    private static final long FRAME_NANOS = 20_000_000L;

    private final Socket socket;
    private final OutputStream out;
    private final CountDownLatch ended = new CountDownLatch(1);
    /** Where every caller's hiss starts. */
    public static final long NOISE_SEED = 137;

    private final Random noise = new Random(NOISE_SEED);
    private volatile boolean hangupFrame;
    private volatile boolean writeFailed;
    private volatile long endedAtNanos;
    private long paceStart;
    private long framesPaced;

    private AudioSocketCaller(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream());
        Thread.ofVirtual().name("audiosocket-caller-reader").start(this::readUntilEnd);
    }

    /** Connects to a service on this machine; a failure is the test's. */
    public static AudioSocketCaller connect(int port) {
        try {
            return open(new InetSocketAddress("127.0.0.1", port), 2_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connects as app_audiosocket does, with TCP_NODELAY since every frame is due at once.
     *
     * @throws IOException if nobody takes the connection within {@code timeoutMillis}, or it fails at once
     */
    public static AudioSocketCaller open(InetSocketAddress service, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(service, timeoutMillis);
            return new AudioSocketCaller(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    public AudioSocketCaller sendId(UUID id) {
        return frame(0x01, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
    }

    public AudioSocketCaller sendDtmf(char key) {
        return frame(0x03, new byte[]{(byte) key});
    }

    /** One frame as given: any type, any payload, sent whole. */
    public AudioSocketCaller frame(int type, byte[] payload) {
        byte[] header = {(byte) type, (byte) (payload.length >>> 8), (byte) payload.length};
        try {
            out.write(header);
            out.write(payload);
            out.flush();
        } catch (IOException e) {
            // The server may close at any moment; what it did is seen through serverEnded().
            writeFailed = true;
        }
        return this;
    }

    /** Bytes as given, e.g. a header promising more than follows. */
    public AudioSocketCaller raw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // The server may close at any moment; what it did is seen through serverEnded().
            writeFailed = true;
        }
        return this;
    }

    /** Whether a write has failed: the server is gone, and {@link #awaitServerEnd} soon tells how it went. */
    public boolean writeFailed() {
        return writeFailed;
    }

    /**
     * Sends the audio in 320-byte frames until it is all sent or the server ends the stream.
     *
     * @param realTime one frame every 20 ms on a fixed schedule, as a telephone line delivers it
     * @return how many bytes went out
     */
    public long stream(byte[] pcm, boolean realTime) {
        long sent = 0;
        for (int offset = 0; offset < pcm.length && !serverEnded(); offset += FRAME_BYTES) {
            int length = Math.min(FRAME_BYTES, pcm.length - offset);
            byte[] payload = new byte[length - length % 2];
            System.arraycopy(pcm, offset, payload, 0, payload.length);
            if (realTime) {
                pace();
            }
            frame(0x10, payload);
            sent += payload.length;
        }
        return sent;
    }

    /** The quiet hiss of a telephone line, for as long as given or until the server ends the stream. */
    public long lineNoise(Duration length, boolean realTime) {
        return stream(hiss(length, noise), realTime);
    }

    /**
     * A line's hiss as 8 kHz PCM: Gaussian, σ = 40. A caller's noise starts from {@link #NOISE_SEED}, so a
     * benchmark can make the very bytes a fresh caller sends.
     */
    public static byte[] hiss(Duration length, Random noise) {
        byte[] pcm = new byte[(int) (length.toMillis() * 16)];
        ByteBuffer samples = ByteBuffer.wrap(pcm).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        while (samples.hasRemaining()) {
            samples.putShort((short) (noise.nextGaussian() * 40));
        }
        return pcm;
    }

    /** Closes our side, as Asterisk does when the caller hangs up. */
    public void hangUp() {
        close();
    }

    public boolean serverEnded() {
        return ended.getCount() == 0;
    }

    /** Waits for the server to end the stream; true if it did within the time. */
    public boolean awaitServerEnd(Duration patience) {
        try {
            return ended.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the server ended with AudioSocket's hangup frame (rather than only closing). */
    public boolean endedWithHangupFrame() {
        return hangupFrame;
    }

    /** {@link System#nanoTime()} when the end of the stream reached us. */
    public long endedAtNanos() {
        return endedAtNanos;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void pace() {
        if (framesPaced == 0) {
            paceStart = System.nanoTime();
        }
        long due = paceStart + framesPaced++ * FRAME_NANOS;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }


    private void readUntilEnd() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            while (true) {
                int type = in.readUnsignedByte();
                int length = in.readUnsignedShort();
                in.skipNBytes(length);
                if (type == 0x00 && !hangupFrame) {
                    hangupFrame = true;
                    end();
                }
                // Reading on after the hangup frame leaves nothing unread, so the close that follows is a clean one
                // and not a reset; anything else the server sends, this caller does not hear.
            }
        } catch (EOFException e) {
            // the server closed, after its hangup frame or without one
        } catch (IOException e) {
            // reset, or our own close
        }
        end();
    }

    private void end() {
        if (ended.getCount() > 0) {
            endedAtNanos = System.nanoTime();
            ended.countDown();
        }
    }
}
