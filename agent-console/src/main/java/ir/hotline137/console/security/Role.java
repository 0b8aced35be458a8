package ir.hotline137.console.security;

/** What a person may do in the console; a person may hold several. */
public enum Role {
    /** Takes waiting calls and registers, refers and follows up requests. */
    AGENT,
    /** Screens callers for the mayor's live programmes. */
    MODERATOR,
    /** Takes the screened callers in a live programme. */
    MAYOR,
    /** Sees the figures and the people; may do what an agent does. */
    SUPERVISOR,
    /**
     * A unit of the municipality (a district office, a deputy's office): sees only the requests referred to it,
     * acknowledges them, gives their result or sends them back. Held alone, never with another role.
     */
    UNIT
}
