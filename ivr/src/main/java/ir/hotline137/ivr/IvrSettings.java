package ir.hotline137.ivr;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How the call flows behave: the patience they show a caller and where things go.
 *
 * @param sounds                  the prompts' folder under Asterisk's {@code sounds/fa/}
 * @param recordings              where recorded descriptions and messages are written; Asterisk writes them,
 *                                so with Asterisk on another host this must be a folder both see at the same path
 * @param zone                    the city's time zone, for the dates callers hear
 * @param tries                   how often a caller is asked again before a person takes over
 * @param keypadTimeout           how long the caller has to start and finish typing
 * @param descriptionLimit        the longest description or message a caller may record
 * @param descriptionSilence      silence that ends a recording
 * @param holdAnnouncement        how often a waiting caller hears their place in the queue
 * @param answerTimeout           how long a caller waits for an agent before being offered to leave a message
 * @param holdListen              how long the hold loop listens for a hang-up before it checks the queue again
 * @param ringTimeout             how long an agent's phone rings before the call returns to the queue
 * @param untranscribedDescription the description of a request whose recording has no transcript yet
 * @param callbackDescription     the description of a callback request whose message has no transcript
 * @param keepPlaceAfter          a caller on hold this long is offered to keep their place and be called back
 *                                (1 on the keypad); zero: never offered
 */
public record IvrSettings(
        String sounds,
        Path recordings,
        ZoneId zone,
        int tries,
        Duration keypadTimeout,
        Duration descriptionLimit,
        Duration descriptionSilence,
        Duration holdAnnouncement,
        Duration answerTimeout,
        Duration holdListen,
        Duration ringTimeout,
        String untranscribedDescription,
        String callbackDescription,
        Duration keepPlaceAfter) {

    public IvrSettings {
        if (keepPlaceAfter == null || keepPlaceAfter.isNegative()) {
            throw new IllegalArgumentException("hotline.ivr.keep-place-after must be zero (never) or positive");
        }
        if (sounds == null || sounds.isBlank() || sounds.contains(" ")) {
            throw new IllegalArgumentException("hotline.ivr.sounds must be a folder name without spaces");
        }
        if (tries < 1) {
            throw new IllegalArgumentException("hotline.ivr.tries must be at least 1");
        }
        if (untranscribedDescription == null || untranscribedDescription.isBlank() || callbackDescription == null
                || callbackDescription.isBlank()) {
            throw new IllegalArgumentException("hotline.ivr.untranscribed-description and callback-description must "
                    + "say something");
        }
        for (Duration d : new Duration[] {keypadTimeout, descriptionLimit, descriptionSilence, holdAnnouncement,
                answerTimeout, holdListen, ringTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("hotline.ivr durations must be positive");
            }
        }
    }

    public IvrSettings withHoldAnnouncement(Duration every) {
        return new IvrSettings(sounds, recordings, zone, tries, keypadTimeout, descriptionLimit, descriptionSilence,
                every, answerTimeout, holdListen, ringTimeout, untranscribedDescription, callbackDescription,
                keepPlaceAfter);
    }

    public IvrSettings withAnswerTimeout(Duration timeout) {
        return new IvrSettings(sounds, recordings, zone, tries, keypadTimeout, descriptionLimit, descriptionSilence,
                holdAnnouncement, timeout, holdListen, ringTimeout, untranscribedDescription, callbackDescription,
                keepPlaceAfter);
    }

    public IvrSettings withKeepPlaceAfter(Duration after) {
        return new IvrSettings(sounds, recordings, zone, tries, keypadTimeout, descriptionLimit, descriptionSilence,
                holdAnnouncement, answerTimeout, holdListen, ringTimeout, untranscribedDescription, callbackDescription,
                after);
    }
}
