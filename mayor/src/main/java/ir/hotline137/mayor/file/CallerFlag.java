package ir.hotline137.mayor.file;

/** What a moderator marks a number with, for every later programme. */
public enum CallerFlag {
    /** Has been abusive or off-topic before: screen with care. */
    WARNING,
    /** Not to be put on air; the moderator still sees them and decides. */
    BLOCKED,
    /** An official (a council member, a manager): the mayor should know who is speaking. */
    OFFICIAL
}
