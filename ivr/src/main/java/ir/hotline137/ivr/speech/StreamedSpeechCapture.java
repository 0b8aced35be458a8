package ir.hotline137.ivr.speech;

import ir.hotline137.ivr.call.AgiCommandRefused;
import ir.hotline137.ivr.call.CallerHungUp;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.recognizer.audio.Endpointing;
import ir.hotline137.recognizer.audiosocket.AwaitedStream;
import ir.hotline137.recognizer.audiosocket.ExpectedStreams;
import ir.hotline137.recognizer.audiosocket.Heard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the caller while they speak: Asterisk streams the call's audio to our AudioSocket server
 * ({@code EXEC AudioSocket}), which decodes it as it comes and ends the stream a moment after the caller stops,
 * so the words are ready when the caller finishes instead of after a recording is closed and read.
 *
 * <p>When the stream cannot happen — this Asterisk has no AudioSocket application, or it could not reach
 * us — the caller is recorded instead, so a description is never lost to the plumbing.
 */
public final class StreamedSpeechCapture implements SpeechCapture {
    private static final Logger log = LoggerFactory.getLogger(StreamedSpeechCapture.class);
    /** Decoding the last words takes milliseconds; a busy recognizer may need longer, but not this long. */
    private static final Duration LAST_WORDS = Duration.ofSeconds(15);

    private final ExpectedStreams streams;
    private final String service;
    private final Endpointing endpointing;
    private final SpeechCapture fallback;
    private final AtomicBoolean warnedNoApplication = new AtomicBoolean();

    /**
     * @param service     the {@code host:port} Asterisk connects to
     * @param endpointing when an utterance is over (the flow's limit may shorten it)
     * @param fallback    how to capture speech when the stream cannot happen
     */
    public StreamedSpeechCapture(ExpectedStreams streams, String service, Endpointing endpointing,
                                 SpeechCapture fallback) {
        this.streams = streams;
        this.service = service;
        this.endpointing = endpointing;
        this.fallback = fallback;
    }

    @Override
    public CapturedSpeech capture(Phone phone, String callId, Path file, Duration limit) {
        Path wav = file.resolveSibling(file.getFileName() + ".wav");
        phone.beep();
        AwaitedStream stream = streams.expect(callId, wav, endpointing.atMost(limit));
        try {
            return hear(phone, callId, file, limit, stream);
        } finally {
            // However the capture went (a hang-up, an error), the stream can no longer be claimed by anyone.
            stream.abandon();
        }
    }

    private CapturedSpeech hear(Phone phone, String callId, Path file, Duration limit, AwaitedStream stream) {
        boolean hungUp;
        try {
            hungUp = callerLeftWhileStreaming(phone, stream);
        } catch (AgiCommandRefused noApplication) {
            stream.abandon();
            if (warnedNoApplication.compareAndSet(false, true)) {
                log.warn("Asterisk has no AudioSocket application ({}): callers are recorded instead. Load "
                        + "app_audiosocket, or set hotline.recognizer.capture=record.", noApplication.getMessage());
            }
            return fallback.capture(phone, callId, file, limit);
        }
        CapturedSpeech speech = switch (stream.await(LAST_WORDS)) {
            case Heard.Words words when words.ending() == Heard.Ending.PEER_CLOSED && !hungUp -> {
                // The stream dropped while the caller is still there: what was decoded may be cut short, so a
                // person hears the recording rather than the system acting on half a sentence.
                log.warn("AudioSocket {} dropped mid-utterance; the description goes to an agent", stream);
                yield new CapturedSpeech.Untranscribed(words.file());
            }
            case Heard.Words words -> new CapturedSpeech.Transcribed(words.text(), Optional.of(words.file()));
            case Heard.NoWords noWords -> new CapturedSpeech.Untranscribed(noWords.file());
            case Heard.Silence silence -> new CapturedSpeech.NothingSaid();
            case Heard.Broken broken -> broken.recording().<CapturedSpeech>map(CapturedSpeech.Untranscribed::new)
                    .orElseGet(CapturedSpeech.NothingSaid::new);
            case Heard.NotConnected never -> {
                if (hungUp) {
                    throw new CallerHungUp("before speaking");
                }
                log.warn("Asterisk did not connect to the AudioSocket service {} for call {}: recording instead",
                        service, callId);
                yield fallback.capture(phone, callId, file, limit);
            }
        };
        if (hungUp) {
            if (speech instanceof CapturedSpeech.NothingSaid) {
                throw new CallerHungUp("while speaking");
            }
            throw new SpokenThenHungUp(speech);
        }
        return speech;
    }

    private boolean callerLeftWhileStreaming(Phone phone, AwaitedStream stream) {
        try {
            return phone.streamVoice(stream.id(), service);
        } catch (CallerHungUp gone) {
            // The AGI connection went with the caller; what they said may still have been heard.
            return true;
        }
    }
}
