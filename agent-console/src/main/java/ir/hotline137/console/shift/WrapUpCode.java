package ir.hotline137.console.shift;

/**
 * What came of a call an agent took, chosen by the agent when it ends: the centre's figures count calls by it, and
 * a supervisor reads a shift by it. Labels are the console's (Persian).
 */
public enum WrapUpCode {
    /** A new request was registered. */
    NEW_REQUEST,
    /** The caller was joined to an existing request. */
    JOINED_REQUEST,
    /** The caller asked after a request and was told its status. */
    FOLLOW_UP,
    /** The caller was given information or directions; nothing to register. */
    INFORMATION,
    /** Not the municipality's work; the caller was told where to go. */
    NOT_MUNICIPAL,
    /** A complaint about the centre or the municipality's staff. */
    COMPLAINT,
    /** A prank, abusive or silent call. */
    NUISANCE,
    /** The line dropped before anything was settled. */
    CUT_OFF
}
