package ir.hotline137.mayor.meeting;

/** Where a registration stands. */
public enum RegistrationStatus {
    /** Waiting for the committees. */
    REGISTERED,
    /** The screening committee chose the official the citizen will meet. */
    ROUTED,
    /** The screening committee declined it, with a reason the citizen is told. */
    DECLINED,
    /** Answered without a meeting (the executive review found it dealt with, or dealt with it). */
    ANSWERED,
    /** Heard at the meeting: its instruction is a referred request, followed up to its result. */
    HEARD
}
