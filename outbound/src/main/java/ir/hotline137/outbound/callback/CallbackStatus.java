package ir.hotline137.outbound.callback;

/** Where a callback stands. */
public enum CallbackStatus {
    /** To be called back, in its place. */
    WAITING,
    /** An agent's phone, then the citizen's, is being rung now. */
    CALLING,
    /** The citizen and an agent talked. */
    DONE,
    /** Every try allowed went unanswered, or an agent closed it (e.g. the citizen called in again meanwhile). */
    CLOSED
}
