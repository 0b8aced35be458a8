package ir.hotline137.outbound.outbox;

/** Where a notification stands. */
public enum NotificationStatus {
    /** Waiting for its next try (at {@link Notification#nextTryAt()}). */
    PENDING,
    /** An attempt has begun and its end is not yet known. */
    SENDING,
    /** Told: the SMS was accepted by the centre, or the call was answered. */
    DONE,
    /** Every attempt allowed failed, or the number cannot be reached at all. */
    FAILED,
    /** The process stopped during an attempt: it may have gone out, so it is not sent again on its own. */
    UNCERTAIN,
    /** Not to be sent: the number is on the do-not-call list. */
    SKIPPED
}
