package ir.hotline137.outbound.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What each change does to a callback, whichever store keeps it: decided on the callback as stored at the moment of
 * the change, inside the store's write.
 */
final class CallbackRules {
    /** First waited first: the place a citizen kept is the place they had in the queue. */
    static final Comparator<Callback> IN_PLACE = Comparator.comparing(Callback::placeAt).thenComparing(Callback::id);

    private CallbackRules() {
    }

    static boolean isOpen(Callback callback) {
        return callback.status() == CallbackStatus.WAITING || callback.status() == CallbackStatus.CALLING;
    }

    static boolean isOver(Callback callback) {
        return callback.status() == CallbackStatus.DONE || callback.status() == CallbackStatus.CLOSED;
    }

    /** Of these, the ones ended (talked to, or closed) since {@code since}, latest first. */
    static List<Callback> endedSince(Collection<Callback> callbacks, Instant since) {
        List<Callback> ended = new ArrayList<>();
        for (Callback callback : callbacks) {
            if (isOver(callback) && !callback.tries().isEmpty() && !callback.tries().getLast().at().isBefore(since)) {
                ended.add(callback);
            }
        }
        ended.sort(Comparator.comparing((Callback c) -> c.tries().getLast().at()).reversed());
        return ended;
    }

    /** The number waits for one callback: the open one it has, with the request of a message left now if it had none. */
    static Callback joined(Callback open, Callback asked) {
        if (open.request().isEmpty() && asked.request().isPresent()) {
            return new Callback(open.id(), open.number(), open.kind(), open.placeAt(), open.askedAt(), asked.request(),
                    open.district().or(asked::district), open.status(), open.callingBy(), open.tries(), open.dueAt());
        }
        return open;
    }

    static Optional<Callback> claimed(Callback current, String agent) {
        if (current == null || current.status() != CallbackStatus.WAITING) {
            return Optional.empty();
        }
        return Optional.of(current.calling(agent));
    }

    /**
     * Try number {@code number} of {@code agent} ended, if it is the one under way: a try that was given up on (the
     * hotline restarted meanwhile, another agent has it now) is not ended by a late word about it. Answered is done;
     * busy, not answered or failed waits {@code spacing}, or is closed once it was the last of {@code attempts};
     * anything else (the agent's miss, the exchange's) waits on in its place as it was.
     */
    static Optional<Callback> ended(Callback current, String agent, int number, CallbackOutcome outcome, Instant at,
                                    int attempts, Duration spacing) {
        if (current == null || current.status() != CallbackStatus.CALLING
                || !current.callingBy().equals(Optional.of(agent)) || current.tries().size() != number - 1) {
            return Optional.empty();
        }
        CallbackStatus next = CallbackStatus.WAITING;
        Instant due = current.dueAt();
        if (outcome == CallbackOutcome.ANSWERED) {
            next = CallbackStatus.DONE;
        } else if (outcome.isCitizens()) {
            next = current.citizensTries() + 1 >= attempts ? CallbackStatus.CLOSED : CallbackStatus.WAITING;
            due = at.plus(spacing);
        }
        return Optional.of(current.ended(new CallbackTry(at, agent, outcome), next, due));
    }

    static Optional<Callback> closed(Callback current, String agent, Instant at) {
        if (current == null || current.status() != CallbackStatus.WAITING) {
            return Optional.empty();
        }
        return Optional.of(current.ended(new CallbackTry(at, agent, CallbackOutcome.CLOSED_BY_AGENT),
                CallbackStatus.CLOSED, current.dueAt()));
    }

    /** A callback the last run was calling waits again where it was; the try is kept as not the citizen's. */
    static Optional<Callback> interrupted(Callback callback, Instant now) {
        if (callback == null || callback.status() != CallbackStatus.CALLING) {
            return Optional.empty();
        }
        return Optional.of(callback.ended(new CallbackTry(now, callback.callingBy().orElse(""),
                CallbackOutcome.UNAVAILABLE), CallbackStatus.WAITING, callback.dueAt()));
    }
}
