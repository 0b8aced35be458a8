package ir.hotline137.recognizer.audiosocket;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import ir.hotline137.recognizer.audio.Endpointing;
import ir.hotline137.recognizer.audio.SpeechDetector;
import ir.hotline137.recognizer.audio.WavRecorder;
import ir.hotline137.recognizer.model.SpeechModel;
import ir.hotline137.recognizer.transcription.Transcription;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to one caller's utterance as it streams in: every audio frame is saved and judged for the end of
 * speech, and speech is decoded at once, so the words are ready a moment after the caller stops. The utterance ends when the
 * caller falls silent after speaking, presses #, never starts, or reaches the maximum length; then we send
 * AudioSocket's hangup frame, which makes Asterisk's application return and the call go on.
 *
 * <p>Runs on one recognition thread for its whole life, so its state needs no locks.
 */
final class UtteranceListener extends SimpleChannelInboundHandler<AudioSocketFrame> {
    private static final Logger log = LoggerFactory.getLogger(UtteranceListener.class);
    private static final byte[] HANGUP = {AudioSocketFrame.HANGUP, 0, 0};
    /** Beyond the maximum length, in wall-clock time, for a stream whose audio stops coming. */
    private static final Duration DEADLINE_GRACE = Duration.ofSeconds(2);
    /**
     * Quiet kept on either side of speech for the recognizer: enough for the first and last sounds of a word,
     * while the rest of the quiet (the wait after the beep, the end silence) is never decoded. Decoding is
     * what limits how many callers one machine can hear at once.
     */
    private static final long MARGIN_MILLIS = 300;

    private final AwaitedStream stream;
    private final SpeechModel model;
    private final Endpointing endpointing;
    private final Duration partialInterval;

    private Transcription transcription;
    private WavRecorder recorder;
    private SpeechDetector detector;
    private int sampleRate;
    private long partialEveryBytes;
    private long bytesSincePartial;
    /** Quiet not yet decoded: before speech, the last moments of it; in a pause, all of it until speech resumes. */
    private final ArrayDeque<byte[]> held = new ArrayDeque<>();
    private long heldBytes;
    private long idleNanos;
    private boolean done;
    private ScheduledFuture<?> deadline;

    UtteranceListener(AwaitedStream stream, SpeechModel model, Duration partialInterval) {
        this.stream = stream;
        this.model = model;
        this.endpointing = stream.endpointing();
        this.partialInterval = partialInterval;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // Kept by the channel's event loop, not by this listener's thread: if decoding has fallen far behind, the
        // caller is still let go on time; the words come when the backlog is through (as a closed stream).
        deadline = ctx.channel().eventLoop().schedule(() -> hangUp(ctx.channel()),
                endpointing.maxLength().plus(DEADLINE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, AudioSocketFrame frame) {
        if (done) {
            return;
        }
        switch (frame) {
            case AudioSocketFrame.Audio audio -> hear(ctx, audio);
            case AudioSocketFrame.Dtmf(char digit) when digit == '#' -> end(ctx, Heard.Ending.KEY_PRESSED);
            case AudioSocketFrame.Dtmf other -> {
                // Only # means anything while the caller speaks; other keys are slips of the finger.
            }
            case AudioSocketFrame.Hangup hangup -> end(ctx, Heard.Ending.PEER_CLOSED);
            case AudioSocketFrame.StreamId again -> broken(ctx, "a second UUID in one stream");
            case AudioSocketFrame.Error error -> broken(ctx, "Asterisk reported error " + hex(error.code()));
        }
    }

    private void hear(ChannelHandlerContext ctx, AudioSocketFrame.Audio audio) {
        idleNanos = 0;
        if (transcription == null && !start(ctx, audio.sampleRate())) {
            return;
        }
        if (audio.sampleRate() != sampleRate) {
            broken(ctx, "the sample rate changed from " + sampleRate + " to " + audio.sampleRate() + " Hz");
            return;
        }
        byte[] pcm = audio.pcm();
        try {
            recorder.write(pcm, 0, pcm.length);
        } catch (IOException e) {
            broken(ctx, "cannot save the audio: " + e.getMessage());
            return;
        }
        SpeechDetector.State state = detector.offer(pcm, 0, pcm.length);
        decode(pcm);
        if (bytesSincePartial >= partialEveryBytes) {
            bytesSincePartial = 0;
            stream.partial(transcription.partial());
        }
        switch (state) {
            case FINISHED -> end(ctx, Heard.Ending.SILENCE_AFTER_SPEECH);
            case NO_SPEECH -> end(ctx, Heard.Ending.NO_SPEECH);
            case TOO_LONG -> end(ctx, Heard.Ending.TIME_LIMIT);
            case WAITING, SPEAKING -> {
            }
        }
    }

    /**
     * Sends speech to the recognizer, with the quiet around it only up to the margin; a pause longer than that is
     * held back and decoded only if the caller speaks again, so a caller who has finished costs nothing more.
     */
    private void decode(byte[] pcm) {
        if (!detector.heardSpeech()) {
            hold(pcm);
            while (heldBytes - held.peekFirst().length >= MARGIN_MILLIS * sampleRate / 500) {
                heldBytes -= held.removeFirst().length;
            }
        } else if (detector.quietMillis() > MARGIN_MILLIS) {
            hold(pcm);
        } else {
            for (byte[] quiet = held.pollFirst(); quiet != null; quiet = held.pollFirst()) {
                transcription.accept(quiet, 0, quiet.length);
                bytesSincePartial += quiet.length;
            }
            heldBytes = 0;
            transcription.accept(pcm, 0, pcm.length);
            bytesSincePartial += pcm.length;
        }
    }

    private void hold(byte[] pcm) {
        held.addLast(pcm);
        heldBytes += pcm.length;
    }

    private boolean start(ChannelHandlerContext ctx, int rate) {
        sampleRate = rate;
        partialEveryBytes = partialInterval.toMillis() * rate * 2 / 1000;
        detector = new SpeechDetector(endpointing, rate);
        try {
            recorder = WavRecorder.create(stream.recording(), rate);
            transcription = Transcription.of(model, rate);
            return true;
        } catch (IOException e) {
            broken(ctx, "cannot start listening: " + e.getMessage());
            return false;
        }
    }

    /**
     * Asterisk sends audio all the time, silence included; a line that goes quiet at the socket (a stalled
     * network, a peer that only sends on voice) is judged by the clock instead.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof IdleStateEvent) || done) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        idleNanos += endpointing.endSilence().toNanos();
        if (detector != null && detector.heardSpeech()) {
            end(ctx, Heard.Ending.SILENCE_AFTER_SPEECH);
        } else if (idleNanos >= endpointing.noSpeech().toNanos()) {
            end(ctx, Heard.Ending.NO_SPEECH);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end(ctx, Heard.Ending.PEER_CLOSED);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        broken(ctx, String.valueOf(cause.getMessage()));
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (!done) {
            broken(ctx, "the connection was torn down");
        }
    }

    /** The utterance is over: let the call go on, then decode the last words and hand them over. */
    private void end(ChannelHandlerContext ctx, Heard.Ending ending) {
        if (done) {
            return;
        }
        done = true;
        deadline.cancel(false);
        hangUp(ctx.channel());
        Heard heard;
        try {
            String words = transcription == null ? "" : transcription.finish();
            boolean spoke = detector != null && detector.heardSpeech();
            if (!words.isEmpty()) {
                heard = new Heard.Words(words, stream.recording(), ending);
            } else if (spoke) {
                heard = new Heard.NoWords(stream.recording(), ending);
            } else {
                heard = new Heard.Silence(recording());
            }
        } catch (RuntimeException e) {
            // The recognizer failed on the last words; the recording is still there for a person.
            log.warn("AudioSocket {}: decoding the last words failed: {}", stream, e.toString());
            heard = new Heard.Broken("decoding failed: " + e.getMessage(), recording());
        } finally {
            closeRecorder();
        }
        log.debug("{} ended ({}): {}", stream, ending, heard);
        stream.complete(heard);
    }

    /** One log line, the connection closed, the audio so far kept: the IVR sends the caller to an agent. */
    private void broken(ChannelHandlerContext ctx, String why) {
        if (done) {
            return;
        }
        done = true;
        if (deadline != null) {
            deadline.cancel(false);
        }
        log.warn("AudioSocket {} from {} closed: {}", stream, ctx.channel().remoteAddress(), why);
        try {
            if (transcription != null) {
                transcription.close();
            }
        } finally {
            closeRecorder();
            stream.complete(new Heard.Broken(why, recording()));
            hangUp(ctx.channel());
        }
    }

    /** AudioSocket's hangup frame, then the close: Asterisk's application returns and the call goes on. */
    private static void hangUp(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.wrappedBuffer(HANGUP)).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    private Optional<java.nio.file.Path> recording() {
        return recorder == null ? Optional.empty() : Optional.of(stream.recording());
    }

    private void closeRecorder() {
        if (recorder != null) {
            try {
                recorder.close();
            } catch (IOException e) {
                log.warn("Could not finish the recording {}: {}", stream.recording(), e.getMessage());
            }
        }
    }

    private static String hex(byte[] code) {
        StringBuilder s = new StringBuilder("0x");
        for (byte b : code) {
            s.append(String.format("%02x", b));
        }
        return code.length == 0 ? "(no code)" : s.toString();
    }
}
