package ir.hotline137.outbound.outbox;

/** How one attempt ended. */
public enum AttemptResult {
    /** The SMS centre accepted the message. */
    SENT,
    /** The citizen answered the call. */
    ANSWERED,
    BUSY,
    /** It rang until the call's ring time ran out. */
    NO_ANSWER,
    /** The network could not put the call through (congestion, a trunk down, a channel that failed). */
    FAILED,
    /** The gateway could not be reached or refused for now: worth another try. */
    UNAVAILABLE,
    /** Refused for good (a number the network does not know): not worth another try. */
    REJECTED,
    /** The process stopped before the attempt's end was known. */
    UNCERTAIN;

    /** Whether another attempt, later, may succeed. */
    public boolean isWorthRetrying() {
        return this == BUSY || this == NO_ANSWER || this == FAILED || this == UNAVAILABLE;
    }
}
