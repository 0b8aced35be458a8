package ir.hotline137.testsupport.asterisk;

import ir.hotline137.testsupport.asterisk.AudioSocketSession.Ending;
import ir.hotline137.testsupport.asterisk.ScriptedChannel.Patience;
import ir.hotline137.testsupport.audiosocket.AudioSocketCaller;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One AudioSocket connection, made as Asterisk 22's app_audiosocket makes it for {@code EXEC AudioSocket}: connects,
 * introduces the stream by its UUID, then sends the caller's side of the line, one frame of 8 kHz signed linear
 * every 20 ms and a DTMF frame for each key pressed, until the server ends the stream, the caller hangs up, or the
 * safety cap is reached. The frames go through the tests' one AudioSocket client ({@link AudioSocketCaller}), which
 * also reads and drops whatever the server sends back: only its end matters to this caller. Used by the call's
 * thread.
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

    private static final int KIND_AUDIO = 0x10;
    private static final int SAMPLES_PER_FRAME = CallerAudio.SAMPLE_RATE / 50;
    private static final int AUDIO_PAYLOAD_BYTES = SAMPLES_PER_FRAME * 2;
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    // Keys a fifth of a second apart, as a person types: a server that times keys sees a plausible pace.
    private static final int FRAMES_BETWEEN_KEYS = 10;
    // After a failed write, how long the reader may take to tell a goodbye frame from a bare close.
    private static final Duration READER_GRACE = Duration.ofSeconds(1);

    private final AudioSocketCaller caller;
    private final Random lineNoise;
    private final StringBuilder keysSent = new StringBuilder();
    private long audioBytes;

    private AudioSocketStream(AudioSocketCaller caller, UUID uuid) {
        this.caller = caller;
        this.lineNoise = new Random(uuid.getLeastSignificantBits());
    }

    /**
     * Connects to the service and sends the UUID frame that app_audiosocket sends before any audio: the 16 bytes of
     * the UUID's binary form, most significant first.
     *
     * @throws IOException if nobody takes the connection within app_audiosocket's two seconds, or it fails at once
     */
    static AudioSocketStream open(InetSocketAddress service, UUID uuid) throws IOException {
        AudioSocketCaller caller = AudioSocketCaller.open(service, CONNECT_TIMEOUT_MILLIS);
        caller.sendId(uuid);
        return new AudioSocketStream(caller, uuid);
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
            if (caller.serverEnded()) {
                return serverEnding();
            }
            if (patience.hangsUpWithin(0)) {
                return Ending.CALLER_HUNG_UP;
            }
            if (frame >= capFrames) {
                return Ending.SAFETY_CAP;
            }
            sendAudio(voice, frame);
            long afterVoice = frame - lastVoiceFrame;
            if (afterVoice >= 0 && afterVoice % FRAMES_BETWEEN_KEYS == 0
                    && afterVoice / FRAMES_BETWEEN_KEYS < keys.length()) {
                char key = keys.charAt(Math.toIntExact(afterVoice / FRAMES_BETWEEN_KEYS));
                caller.sendDtmf(key);
                keysSent.append(key);
            }
            if (caller.writeFailed()) {
                // The server has closed; the reader, which sees the close too, tells whether it said goodbye.
                caller.awaitServerEnd(READER_GRACE);
                return serverEnding();
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
        caller.close();
    }

    // How the server's side ended, once it has: with AudioSocket's hangup frame, or by closing (or going away).
    private Ending serverEnding() {
        return caller.endedWithHangupFrame() ? Ending.SERVER_HANGUP_FRAME : Ending.SERVER_CLOSED;
    }

    // Frame n of the voice, its last one filled up with line noise, as the channel's frames are always whole.
    private void sendAudio(short[] voice, long frame) {
        long first = frame * SAMPLES_PER_FRAME;
        int fromVoice = Math.clamp(voice.length - first, 0, SAMPLES_PER_FRAME);
        short[] noise = fromVoice < SAMPLES_PER_FRAME ? CallerAudio.lineNoise(SAMPLES_PER_FRAME, lineNoise) : null;
        byte[] payload = new byte[AUDIO_PAYLOAD_BYTES];
        for (int i = 0; i < SAMPLES_PER_FRAME; i++) {
            short sample = i < fromVoice ? voice[(int) first + i] : noise[i];
            payload[2 * i] = (byte) sample;
            payload[2 * i + 1] = (byte) (sample >> 8);
        }
        caller.frame(KIND_AUDIO, payload);
        if (!caller.writeFailed()) {
            audioBytes += AUDIO_PAYLOAD_BYTES;
        }
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
