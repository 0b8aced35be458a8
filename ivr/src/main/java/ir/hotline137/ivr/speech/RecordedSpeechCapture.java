package ir.hotline137.ivr.speech;

import ir.hotline137.ivr.call.CallerHungUp;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.ivr.call.Recording;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Speech captured the way 137 lines worked before speech recognition: Asterisk records the caller
 * ({@code RECORD FILE}) into the shared recordings folder, then the recording is transcribed if a
 * recognizer is available. Without one, every description reaches an agent as audio.
 */
public final class RecordedSpeechCapture implements SpeechCapture {
    /** Shorter than this (in 8 kHz samples, 0.3 s) is a click or a breath, not a description. */
    private static final long LEAST_SAMPLES = 2_400;

    private final Transcriber transcriber;
    private final boolean beepFirst;

    public RecordedSpeechCapture(Transcriber transcriber) {
        this(transcriber, true);
    }

    private RecordedSpeechCapture(Transcriber transcriber, boolean beepFirst) {
        this.transcriber = transcriber;
        this.beepFirst = beepFirst;
    }

    /**
     * As the streamed capture's fallback: the caller heard the beep already, before the stream could not start,
     * and a second one would sound like a fault.
     */
    public static RecordedSpeechCapture afterTheBeep(Transcriber transcriber) {
        return new RecordedSpeechCapture(transcriber, false);
    }

    @Override
    public CapturedSpeech capture(Phone phone, String callId, Path file, Duration limit) {
        Recording recording = phone.record(file, limit, beepFirst);
        boolean tooShort = recording.samples() < LEAST_SAMPLES && (recording.samples() > 0 || recording.hungUp());
        if (tooShort) {
            if (recording.hungUp()) {
                throw new CallerHungUp("while recording");
            }
            return new CapturedSpeech.NothingSaid();
        }
        Optional<String> words = transcriber.transcribe(recording.file()).map(String::strip).filter(s -> !s.isEmpty());
        CapturedSpeech speech = words.<CapturedSpeech>map(text ->
                        new CapturedSpeech.Transcribed(text, Optional.of(recording.file())))
                .orElseGet(() -> new CapturedSpeech.Untranscribed(recording.file()));
        if (recording.hungUp()) {
            throw new SpokenThenHungUp(speech);
        }
        return speech;
    }
}
