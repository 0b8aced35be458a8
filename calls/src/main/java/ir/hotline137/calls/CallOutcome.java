package ir.hotline137.calls;

/** How a call ended, from the caller's side; one per call, what the supervisor's figures count. */
public enum CallOutcome {
    /** The IVR registered a new request and spoke its tracking code. */
    REGISTERED,
    /** The caller joined an existing request as a supporter instead of registering a duplicate. */
    JOINED,
    /** The caller followed up a tracking code and heard the request's status. */
    STATUS_HEARD,
    /** The call was handed to a person and an agent talked to the caller. */
    ESCALATED_ANSWERED,
    /** The call was handed to a person but the caller hung up (or gave up) before an agent answered. */
    ESCALATED_ABANDONED,
    /** Nobody answered in time and the caller asked to be called back. */
    CALLBACK_REQUESTED,
    /**
     * The call was handed to a person, nobody answered in time and the caller left no message: the centre
     * failed them as surely as if they had hung up, though they waited to the end.
     */
    ESCALATED_UNANSWERED,
    /** The caller talked to the mayor in a live session. */
    MAYOR_TALKED,
    /** The caller joined the mayor's line and hung up before reaching the mayor. */
    MAYOR_ABANDONED,
    /** The caller hung up in the menus, before any of the above. */
    HUNG_UP,
    /** The call ended normally without any of the above, e.g. a code that was unknown, then goodbye. */
    ENDED
}
