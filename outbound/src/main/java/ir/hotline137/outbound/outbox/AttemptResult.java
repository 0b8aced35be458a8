package ir.hotline137.outbound.outbox;

/** How one attempt ended. */
public enum AttemptResult {
    /** The SMS centre accepted the message. */
    SENT,
    /** The citizen answered the call. */
    ANSWERED,
    BUSY,
    NO_ANSWER,
    /** The gateway could not be reached or refused for now: worth another try. */
    UNAVAILABLE,
    /** Refused for good (a number the network does not know): not worth another try. */
    REJECTED,
    /** The process stopped before the attempt's end was known. */
    UNCERTAIN;

    /** Whether another attempt, later, may succeed. */
    public boolean isWorthRetrying() {
        return this == BUSY || this == NO_ANSWER || this == UNAVAILABLE;
    }
}
