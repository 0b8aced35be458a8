package ir.hotline137.switchboard;

/** Whether a signed-in agent can take a call now; only AVAILABLE agents may accept one. */
public enum Presence {
    /** At the desk and free. */
    AVAILABLE,
    /** On a call; set only by accepting one and cleared when it ends, so the two never disagree. */
    BUSY,
    /** Signed in but not taking calls: a break, or their phone did not answer the last call. */
    AWAY
}
