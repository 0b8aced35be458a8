package ir.hotline137.outbound.outbox;

/** What happened that the citizen is told. */
public enum NoticeKind {
    /** Their request was registered: its tracking code. */
    REGISTERED,
    /** They joined an existing request: its tracking code. */
    JOINED,
    /** The request was referred to a unit, with its deadline (only where the city wants this told). */
    REFERRED,
    /** The unit gave its result. */
    RESULT,
    /** An answer to an SMS the citizen sent (a tracking code, a keyword): sent at any hour, since they asked. */
    REPLY,
    /** To a unit's head or a supervisor, once a day: how many referrals are past their deadline. */
    LATE,
    /** To a citizen the screening committee routed to an official: the meeting's day, time and place. */
    INVITATION,
    /** The day before the meeting, to those invited. */
    MEETING_REMINDER,
    /** To a citizen whose registration the screening committee declined: why, and what becomes of the matter. */
    MEETING_DECLINED
}
