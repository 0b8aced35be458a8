package ir.hotline137.ivr.call;

import ir.hotline137.ivr.IvrSettings;
import ir.hotline137.prompts.Prompt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A caller on hold, for an agent or for the mayor: music, their place in line every so often ("your place in the
 * queue: 3, please wait"), and an ear for the hang-up. On the mayor's line, where a turn lasts minutes, also an
 * estimated wait, and the new place at once when it improves. While holding nothing is sent to Asterisk: the hold
 * listens on the connection for the HANGUP notice in short slices and looks at the line in between, so thousands
 * of waiting callers cost no AGI traffic.
 */
public final class Hold {
    private final Phone phone;
    private final IntSupplier place;
    private final Supplier<Optional<Duration>> estimatedWait;
    private final Prompt pleaseWait;
    private final boolean sayImprovements;
    private final IvrSettings settings;
    private final Clock clock;
    private Instant nextAnnouncement;
    /** The place last said, so a caller moving up hears it at once rather than at the next interval. */
    private int lastSaid = Integer.MAX_VALUE;

    /**
     * A hold that says the place every {@code hotline.ivr.hold-announcement}: on the agents' queue, which moves
     * every few seconds in a busy hour, saying each move would leave the caller no music at all.
     *
     * @param place      the caller's place in line now; below 1 once they are no longer waiting
     * @param pleaseWait what follows the place in each announcement
     */
    public Hold(Phone phone, IntSupplier place, Prompt pleaseWait, IvrSettings settings, Clock clock) {
        this(phone, place, Optional::empty, pleaseWait, false, settings, clock);
    }

    /**
     * A hold that also says an estimated wait, and the new place as soon as it improves.
     *
     * @param estimatedWait how long they may still wait, said with the place when known
     */
    public static Hold sayingChanges(Phone phone, IntSupplier place, Supplier<Optional<Duration>> estimatedWait,
                                     Prompt pleaseWait, IvrSettings settings, Clock clock) {
        return new Hold(phone, place, estimatedWait, pleaseWait, true, settings, clock);
    }

    private Hold(Phone phone, IntSupplier place, Supplier<Optional<Duration>> estimatedWait, Prompt pleaseWait,
                 boolean sayImprovements, IvrSettings settings, Clock clock) {
        this.phone = phone;
        this.place = place;
        this.estimatedWait = estimatedWait;
        this.pleaseWait = pleaseWait;
        this.sayImprovements = sayImprovements;
        this.settings = settings;
        this.clock = clock;
    }

    /** Puts the caller on hold: music, and their place said at once. */
    public void begin() {
        phone.musicOnHold(true);
        nextAnnouncement = clock.instant();
    }

    /**
     * Back on hold after a try that came to nothing (a phone that did not answer): music again, and their place
     * only after a full interval, since they were just told why they wait on.
     */
    public void resume() {
        phone.musicOnHold(true);
        nextAnnouncement = clock.instant().plus(settings.holdAnnouncement());
        lastSaid = place.getAsInt();
    }

    /**
     * Holds until {@code decision} has an answer, and returns it with the music still on.
     *
     * @param decision looked at between slices of listening; empty while the caller waits on
     * @param where    for the hang-up's message, e.g. "while waiting for an agent"
     * @throws CallerHungUp when the caller hangs up on hold
     */
    public <T> T until(Supplier<Optional<T>> decision, String where) {
        if (nextAnnouncement == null) {
            throw new IllegalStateException("begin() first: the caller is not on hold");
        }
        while (true) {
            Optional<T> decided = decision.get();
            if (decided.isPresent()) {
                return decided.get();
            }
            int now = place.getAsInt();
            if (!clock.instant().isBefore(nextAnnouncement) || (sayImprovements && now >= 1 && now < lastSaid)) {
                phone.announcePlace(now, estimatedWait.get(), pleaseWait);
                lastSaid = now;
                nextAnnouncement = clock.instant().plus(settings.holdAnnouncement());
            }
            if (phone.hungUpWithin(settings.holdListen())) {
                throw new CallerHungUp(where);
            }
        }
    }
}
