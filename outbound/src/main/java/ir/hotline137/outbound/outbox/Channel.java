package ir.hotline137.outbound.outbox;

/** How a citizen is told. */
public enum Channel {
    SMS,
    /** An outbound call that speaks the news (through Asterisk's manager interface). */
    CALL
}
