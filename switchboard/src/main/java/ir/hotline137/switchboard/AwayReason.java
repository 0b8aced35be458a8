package ir.hotline137.switchboard;

import java.util.Objects;

/**
 * Why an agent is AWAY, so a supervisor sees a prayer break as one and not as an agent missing; the agent chooses
 * it, except {@link #NO_ANSWER}, which the switchboard sets when their phone did not answer a call they accepted.
 */
public enum AwayReason {
    /** A short rest. */
    BREAK,
    /** Prayer time. */
    PRAYER,
    /** A meal. */
    MEAL,
    /** Training or a briefing. */
    TRAINING,
    /** Writing up requests, following one up, off the queue. */
    PAPERWORK,
    /** Their phone did not answer the call they accepted; set by the switchboard only. */
    NO_ANSWER,
    /** Any other reason; also what an agent who names none gets. */
    OTHER;

    /**
     * The reason an agent gave for going away.
     *
     * @throws IllegalArgumentException for {@link #NO_ANSWER}, which the switchboard alone sets
     */
    static AwayReason requireChosen(AwayReason reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason == NO_ANSWER) {
            throw new IllegalArgumentException("NO_ANSWER is set by the switchboard when a phone does not answer");
        }
        return reason;
    }
}
