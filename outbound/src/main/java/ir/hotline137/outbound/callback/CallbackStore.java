package ir.hotline137.outbound.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The callbacks promised to citizens: the embedded {@link MapDbCallbacks}, or {@link PostgresCallbacks} for a
 * cluster. What a change does is {@link CallbackRules}'; a store only keeps, finds and changes under its lock.
 */
public interface CallbackStore {
    /**
     * Keeps a callback; a number already waiting for one (or being called now) keeps the one it has (and its earlier
     * place), with the request of a message left now added when it had none.
     *
     * @return the callback the number now waits for
     */
    Callback add(Callback asked);

    /** Those waiting or being called now, in their place. */
    List<Callback> open();

    /** Those ended (talked to, or closed) since {@code since}, latest first. */
    List<Callback> endedSince(Instant since);

    Optional<Callback> find(long id);

    /**
     * Changes the callback as it is at the moment of writing, under the store's lock, when {@code rule} gives a new
     * one; the rule gets null for no such callback.
     *
     * @return the callback as changed; empty when the rule gave nothing
     */
    Optional<Callback> change(long id, Function<Callback, Optional<Callback>> rule);

    /** An agent takes a waiting callback to call it now; empty when it is not waiting (another agent took it). */
    default Optional<Callback> claim(long id, String agent) {
        return change(id, current -> CallbackRules.claimed(current, agent));
    }

    /**
     * Ends try number {@code number} of {@code agent}, if it is the one under way ({@link CallbackRules#ended}).
     *
     * @return the callback as it is now; empty when that try was not the one under way
     */
    default Optional<Callback> end(long id, String agent, int number, CallbackOutcome outcome, Instant at,
                                   int attempts, Duration spacing) {
        return change(id, current -> CallbackRules.ended(current, agent, number, outcome, at, attempts, spacing));
    }

    /** An agent closes a waiting callback: no call back is needed any more. Empty when it is not waiting. */
    default Optional<Callback> close(long id, String agent, Instant at) {
        return change(id, current -> CallbackRules.closed(current, agent, at));
    }

    /**
     * After a start: a callback the last run was calling is waiting again, where it was ({@link
     * CallbackRules#interrupted}).
     *
     * @return how many
     */
    int markInterrupted(Instant now);
}
