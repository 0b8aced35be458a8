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
        return until(decision, Optional.empty(), where);
    }

    /**
     * Something a caller on hold may choose instead of waiting on, offered with each announcement of their place once
     * they have waited {@code after}: the announcement ends with {@code prompt} instead of "please wait", then the
     * music plays on while the keypad timeout lets them press {@code key}.
     *
     * @param taken what {@link #until} returns when they take it
     */
    public record Offer<T>(Prompt prompt, char key, Duration after, Instant waitingSince, T taken) {
    }

    /** The same, with {@code offer} made to the caller; empty: nothing is offered. */
    public <T> T until(Supplier<Optional<T>> decision, Optional<Offer<T>> offer, String where) {
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
                Optional<Offer<T>> offered = offer.filter(o -> now >= 1 && !o.after().isZero()
                        && !clock.instant().isBefore(o.waitingSince().plus(o.after())));
                phone.announcePlace(now, estimatedWait.get(), offered.map(Offer::prompt).orElse(pleaseWait));
                lastSaid = now;
                nextAnnouncement = clock.instant().plus(settings.holdAnnouncement());
                if (offered.isPresent()) {
                    Optional<Character> key = phone.waitForKey(settings.keypadTimeout());
                    if (key.isPresent() && key.get() == offered.get().key()) {
                        return offered.get().taken();
                    }
                    continue;
                }
            }
            if (phone.hungUpWithin(settings.holdListen())) {
                throw new CallerHungUp(where);
            }
        }
    }
}
