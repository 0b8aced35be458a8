package ir.hotline137.ivr.menu;

/** Where the caller asked to go from the main menu. */
public enum MenuChoice {
    /** 1: report a problem. */
    REGISTER,
    /** 2: hear what became of a request. */
    FOLLOW_UP,
    /** 0: talk to a person. */
    AGENT,
    /** No valid key after every try: a person takes over rather than losing the caller. */
    NOT_UNDERSTOOD
}
