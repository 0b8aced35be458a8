package ir.hotline137.testsupport.asterisk;

import ir.hotline137.testsupport.asterisk.AudioSocketSession.Ending;
import ir.hotline137.testsupport.asterisk.ScriptedChannel.Patience;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One AudioSocket connection, made as Asterisk 22's app_audiosocket makes it for {@code EXEC AudioSocket}: connects,
 * introduces the stream by its UUID, then sends the caller's side of the line, one frame of 8 kHz signed linear
 * every 20 ms and a DTMF frame for each key pressed, until the server ends the stream, the caller hangs up, or the
 * safety cap is reached. Whatever the server sends back is read and dropped: only its end matters to this caller.
 *
 * <p>A frame is one byte of kind, two bytes of payload length (big-endian), then the payload. Used by the call's
 * thread, plus a virtual thread of its own that reads what the server sends.
 */
final class AudioSocketStream implements AutoCloseable {

    /**
     * What the caller sends down the stream: {@code voice} at real pace, then each of {@code keys} as a DTMF frame,
     * the first right after the last word and the others a moment apart, then either hangs up or keeps the line
     * open with its hiss until the server ends the stream.
     *
     * @param voice 8 kHz samples, shared and never written to; may be empty
     */
    record Performance(short[] voice, String keys, boolean thenHangsUp) {
    }

    /**
     * How long a stream lasts at most. A real Asterisk would stream for as long as the server lets it; the fake
     * closes then, answering as if the server had, so that a server that never ends a stream fails a test's
     * assertions instead of hanging it.
     */
    static final Duration SAFETY_CAP = Duration.ofSeconds(90);

    // What app_audiosocket allows for connecting (its MAX_CONNECT_TIMEOUT_MSEC).
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private static final int KIND_HANGUP = 0x00;
    private static final int KIND_UUID = 0x01;
    private static final int KIND_DTMF = 0x03;
    private static final int KIND_AUDIO = 0x10;
    private static final int HEADER_BYTES = 3;
    private static final int SAMPLES_PER_FRAME = CallerAudio.SAMPLE_RATE / 50;
    private static final int AUDIO_PAYLOAD_BYTES = SAMPLES_PER_FRAME * 2;
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    // Keys a fifth of a second apart, as a person types: a server that times keys sees a plausible pace.
    private static final int FRAMES_BETWEEN_KEYS = 10;
    // After a failed write, how long the reader may take to tell a goodbye frame from a bare close.
    private static final Duration READER_GRACE = Duration.ofSeconds(1);

    private final Socket socket;
    private final OutputStream out;
    private final Random lineNoise;
    private final byte[] audioFrame = new byte[HEADER_BYTES + AUDIO_PAYLOAD_BYTES];
    // Set once, by the reader, when the server says goodbye or goes away; the sender looks at it before each frame.
    private final AtomicReference<Ending> serverEnded = new AtomicReference<>();
    private final StringBuilder keysSent = new StringBuilder();
    private Thread reader;
    private long audioBytes;

    private AudioSocketStream(Socket socket, UUID uuid) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.lineNoise = new Random(uuid.getLeastSignificantBits());
        audioFrame[0] = KIND_AUDIO;
        audioFrame[1] = (byte) (AUDIO_PAYLOAD_BYTES >> 8);
        audioFrame[2] = (byte) AUDIO_PAYLOAD_BYTES;
    }

    /**
     * Connects to the service with TCP_NODELAY, as every frame is due at once, and sends the UUID frame that
     * app_audiosocket sends before any audio: the 16 bytes of the UUID's binary form, most significant first.
     *
     * @throws IOException if nobody takes the connection within app_audiosocket's two seconds, or it fails at once
     */
    static AudioSocketStream open(InetSocketAddress service, UUID uuid) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(service, CONNECT_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            AudioSocketStream stream = new AudioSocketStream(socket, uuid);
            stream.out.write(ByteBuffer.allocate(HEADER_BYTES + 16)
                    .put((byte) KIND_UUID).putShort((short) 16)
                    .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                    .array());
            InputStream in = socket.getInputStream();
            stream.reader = Thread.ofVirtual()
                    .name("fake-audiosocket-" + uuid)
                    .start(() -> stream.readUntilServerEnds(in));
            return stream;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends the caller's side of the line until the stream ends, and says how it ended. Frames keep to an absolute
     * schedule from the first, so a frame sent late is followed by quicker ones and the stream never drifts from
     * the fifty frames a second Asterisk sends. The caller's hang-up, scripted or by the test, is noticed at the
     * next frame; so is the server's end. The socket stays open: {@link #close()} it.
     */
    Ending play(Performance performance, Patience patience) throws InterruptedException {
        short[] voice = performance.voice();
        String keys = performance.keys();
        long voiceFrames = Math.ceilDiv(voice.length, SAMPLES_PER_FRAME);
        // The frame right after which the first key goes; with neither voice nor keys, a caller hangs up after one.
        long lastVoiceFrame = Math.max(voiceFrames, 1) - 1;
        long lastFrame = lastVoiceFrame + (long) Math.max(keys.length() - 1, 0) * FRAMES_BETWEEN_KEYS;
        long capFrames = SAFETY_CAP.toNanos() / FRAME_NANOS;
        long start = System.nanoTime();
        for (long frame = 0; ; frame++) {
            awaitTime(start + frame * FRAME_NANOS);
            Ending ended = serverEnded.get();
            if (ended != null) {
                return ended;
            }
            if (patience.hangsUpWithin(0)) {
                return Ending.CALLER_HUNG_UP;
            }
            if (frame >= capFrames) {
                return Ending.SAFETY_CAP;
            }
            try {
                sendAudio(voice, frame);
                long afterVoice = frame - lastVoiceFrame;
                if (afterVoice >= 0 && afterVoice % FRAMES_BETWEEN_KEYS == 0
                        && afterVoice / FRAMES_BETWEEN_KEYS < keys.length()) {
                    sendDtmf(keys.charAt(Math.toIntExact(afterVoice / FRAMES_BETWEEN_KEYS)));
                }
            } catch (IOException e) {
                return endAfterFailedWrite();
            }
            if (performance.thenHangsUp() && frame == lastFrame) {
                return Ending.CALLER_HUNG_UP;
            }
        }
    }

    /** Bytes of signed linear sent in audio frames so far. */
    long audioBytes() {
        return audioBytes;
    }

    /** The DTMF digits sent so far, in order. */
    String keysSent() {
        return keysSent.toString();
    }

    /** Closes the connection without a frame, as Asterisk does whoever ended the stream. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closed is all we wanted; the reader ends on the closed socket.
        }
    }

    // Frame n of the voice, its last one filled up with line noise, as the channel's frames are always whole.
    private void sendAudio(short[] voice, long frame) throws IOException {
        long first = frame * SAMPLES_PER_FRAME;
        int fromVoice = Math.clamp(voice.length - first, 0, SAMPLES_PER_FRAME);
        short[] noise = fromVoice < SAMPLES_PER_FRAME ? CallerAudio.lineNoise(SAMPLES_PER_FRAME, lineNoise) : null;
        for (int i = 0; i < SAMPLES_PER_FRAME; i++) {
            short sample = i < fromVoice ? voice[(int) first + i] : noise[i];
            audioFrame[HEADER_BYTES + 2 * i] = (byte) sample;
            audioFrame[HEADER_BYTES + 2 * i + 1] = (byte) (sample >> 8);
        }
        out.write(audioFrame);
        audioBytes += AUDIO_PAYLOAD_BYTES;
    }

    private void sendDtmf(char key) throws IOException {
        out.write(new byte[] {KIND_DTMF, 0, 1, (byte) key});
        keysSent.append(key);
    }

    // A write fails once the server has closed; the reader, which sees the close too, tells whether it said goodbye.
    private Ending endAfterFailedWrite() throws InterruptedException {
        reader.join(READER_GRACE);
        serverEnded.compareAndSet(null, Ending.SERVER_CLOSED);
        return serverEnded.get();
    }

    private void readUntilServerEnds(InputStream in) {
        byte[] header = new byte[HEADER_BYTES];
        try {
            while (in.readNBytes(header, 0, HEADER_BYTES) == HEADER_BYTES) {
                if ((header[0] & 0xFF) == KIND_HANGUP) {
                    serverEnded.compareAndSet(null, Ending.SERVER_HANGUP_FRAME);
                }
                // Audio for the caller, errors, anything: this caller hears nothing. Reading on after the hangup
                // frame leaves nothing unread, so that the close that follows is a clean one and not a reset.
                in.skipNBytes(((header[1] & 0xFF) << 8) | (header[2] & 0xFF));
            }
        } catch (IOException e) {
            // A reset, a frame cut short, or our own close: in each case the server's side is over.
        }
        serverEnded.compareAndSet(null, Ending.SERVER_CLOSED);
    }

    private static void awaitTime(long dueNanos) throws InterruptedException {
        // parkNanos may return early, spuriously or on an interrupt; only the clock says when the frame is due.
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while streaming to an AudioSocket");
            }
        }
    }
}
