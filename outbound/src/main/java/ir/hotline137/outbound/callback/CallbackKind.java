package ir.hotline137.outbound.callback;

/** Why the citizen is to be called back. */
public enum CallbackKind {
    /** They were on hold and pressed 1 to keep their place rather than wait on. */
    KEPT_PLACE,
    /** Nobody answered in time and they left a message (registered as a request when their district is known). */
    MESSAGE
}
