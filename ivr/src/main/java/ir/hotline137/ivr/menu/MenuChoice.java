package ir.hotline137.ivr.menu;

/** Where the caller asked to go from the main menu. */
public enum MenuChoice {
    /** 1: report a problem. */
    REGISTER,
    /** 2: hear what became of a request. */
    FOLLOW_UP,
    /** 0: talk to a person. */
    AGENT,
    /** 4: talk to the mayor; only offered, and only taken, while a live session is open. */
    MAYOR,
    /** 5: register for a public meeting; only offered, and only taken, while a meeting takes registrations. */
    MEETING,
    /** No valid key after every try: a person takes over rather than losing the caller. */
    NOT_UNDERSTOOD
}
