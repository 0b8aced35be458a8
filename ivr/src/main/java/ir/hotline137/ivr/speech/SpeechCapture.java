package ir.hotline137.ivr.speech;

import ir.hotline137.ivr.call.Phone;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the IVR hears a caller describe a problem in their own words. The flows do not care whether the
 * audio is recorded and transcribed afterwards or streamed to a recognizer while the caller speaks.
 */
public interface SpeechCapture {

    /**
     * Lets the caller speak (after the prompt that asked them to) and returns what came of it.
     *
     * @param callId the call's unique id, to tie a streamed capture to this call
     * @param file   where the recording goes, without extension; Asterisk must be able to write there
     * @param limit  the longest the caller may speak
     * @throws SpokenThenHungUp with what was said, when the caller spoke and then hung up
     * @throws ir.hotline137.ivr.call.CallerHungUp when the caller hung up without saying anything usable
     */
    CapturedSpeech capture(Phone phone, String callId, Path file, Duration limit);
}
