package ir.hotline137.mayor.line;

/** Where a caller is on the mayor's line. The first two are "waiting": they have a place in the line. */
public enum ScreeningState {
    /** Joined; the moderator has not decided yet. */
    AWAITING_SCREENING,
    /** The moderator let them through; the mayor takes them in line order. */
    APPROVED,
    /** The moderator turned them away; final, since the IVR has already told the caller. */
    REJECTED,
    /** Talking to the mayor now; at most one caller at a time. */
    ON_AIR,
    /** The conversation with the mayor is over. */
    TALKED,
    /** The caller hung up before reaching the mayor. */
    ABANDONED,
    /** The session closed while they were still waiting; the IVR moves them to the normal intake. */
    SESSION_CLOSED;

    /** Whether the caller still has a place in the line (and so a position, and can be moved or decided on). */
    public boolean isWaiting() {
        return this == AWAITING_SCREENING || this == APPROVED;
    }
}
