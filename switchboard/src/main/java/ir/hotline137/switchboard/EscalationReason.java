package ir.hotline137.switchboard;

/** Why the IVR handed a call to a person; agents see it, and supervisors count it to improve the menus. */
public enum EscalationReason {
    /** The caller pressed 0. */
    ASKED_FOR_AGENT,
    /** No usable menu choice after the allowed attempts. */
    MENU_NOT_UNDERSTOOD,
    /** A district, code or yes/no answer could not be understood. */
    INPUT_NOT_UNDERSTOOD,
    /** The spoken description was empty or could not be transcribed. */
    DESCRIPTION_NOT_UNDERSTOOD,
    /** Something on our side failed (store, recogniser); a person finishes what the machine could not. */
    SYSTEM_ERROR
}
