package ir.hotline137.mayor.meeting;

/**
 * The kinds of meeting. Each kind's follow-up time is a setting ({@code hotline.mayor.meetings.follow-up-days}):
 * the written rules give a month to the first two and three months to «مردم سلام».
 */
public enum MeetingKind {
    /** Isfahan's public meeting: the follow-up committee collects each result within a month. */
    PUBLIC_MEETING,
    /** Karaj's «چهارشنبه‌های مردمی»: each request referred with a paraph, answered by the manager. */
    PEOPLES_WEDNESDAY,
    /** «مردم سلام»: 137 staff register matters at the venue; the result is promised within three months. */
    MARDOM_SALAM
}
