package ir.hotline137.mayor.meeting;

/** The kinds of meeting, each with the time its referrals are given when the instruction names none. */
public enum MeetingKind {
    /** Isfahan's public meeting: the follow-up committee collects each result within a month. */
    PUBLIC_MEETING(30),
    /** Karaj's «چهارشنبه‌های مردمی»: each request referred with a paraph, answered by the manager. */
    PEOPLES_WEDNESDAY(30),
    /** «مردم سلام»: 137 staff register matters at the venue; the result is promised within three months. */
    MARDOM_SALAM(90);

    private final int followUpDays;

    MeetingKind(int followUpDays) {
        this.followUpDays = followUpDays;
    }

    public int followUpDays() {
        return followUpDays;
    }
}
