package ir.hotline137.outbound.outbox;

import java.time.Instant;
import java.util.Optional;

/**
 * What the end of an attempt and a restart do to a notification, whichever outbox keeps it: decided on the
 * notification as stored at the moment of the change, inside the outbox's write.
 */
final class OutboxRules {
    private OutboxRules() {
    }

    static void checkRetry(NotificationStatus next, Optional<Instant> retryAt) {
        if (next == NotificationStatus.PENDING && retryAt.isEmpty()) {
            throw new IllegalArgumentException("a notification to be tried again needs the time to try it");
        }
    }

    /**
     * The attempt under way ended so: DONE, FAILED, or PENDING again from {@code retryAt}. A call its script already
     * recorded as answered stays answered: the script reached the citizen before the manager interface's word came
     * (or instead of it, when the connection dropped).
     *
     * @throws IllegalStateException when there is no attempt under way
     */
    static Notification ended(long id, Notification current, AttemptResult how, String detail,
                              NotificationStatus next, Optional<Instant> retryAt) {
        if (current != null && current.wasAnswered()) {
            return current;
        }
        if (current == null || current.status() != NotificationStatus.SENDING) {
            throw new IllegalStateException("notification " + id + " has no attempt under way");
        }
        return current.ended(how, detail, next, next == NotificationStatus.PENDING ? retryAt : Optional.empty());
    }

    /** The SMS centre's ids of the parts an attempt sent (its delivery receipts name only those); none otherwise. */
    static String[] messageIds(Notification ended, AttemptResult how, String detail) {
        return how == AttemptResult.SENT && !detail.isEmpty() && !ended.wasAnswered() ? detail.split(",")
                : new String[0];
    }

    /**
     * After a start, an attempt the last run began and never ended: an SMS may have gone out, so it is UNCERTAIN and
     * never sent again on its own; a call that was ringing is not news told (had the citizen answered, its script
     * would have said so), so it is due again from {@code callsFrom}.
     */
    static Optional<Notification> interrupted(Notification current, Instant callsFrom) {
        if (current == null || current.status() != NotificationStatus.SENDING) {
            return Optional.empty();
        }
        if (current.channel() == Channel.CALL) {
            return Optional.of(current.ended(AttemptResult.UNCERTAIN, "the hotline stopped during this call",
                    NotificationStatus.PENDING, Optional.of(callsFrom)));
        }
        return Optional.of(current.ended(AttemptResult.UNCERTAIN, "the hotline stopped during this attempt",
                NotificationStatus.UNCERTAIN, Optional.empty()));
    }
}
