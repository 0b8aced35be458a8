package ir.hotline137.outbound.outbox;

import ir.hotline137.requests.TrackingCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every notification to citizens, kept before it is tried, each try written as begun before anything is sent and as
 * ended after: the embedded {@link MapDbOutbox}, or {@link PostgresOutbox} for a cluster (where a notification begun
 * by one node's worker is not begun again by another's). The notifications a stretch of the requests' changes made
 * and the mark past those changes land in one write.
 */
public interface Outbox {
    /** How far through the requests' changes (their revision) notices have been derived; empty before the first. */
    Optional<Long> seenRevision();

    /** When notices began to be derived: events before it are not told. */
    Optional<Instant> startedAt();

    /** The registration order of the last request registered before notices began; later ones are told. */
    Optional<Long> startedAfterSequence();

    /**
     * The first run: notices are derived from the store's {@code revision} on, for requests registered after
     * {@code sequence} and for other events after {@code at}.
     */
    void startFrom(long revision, long sequence, Instant at);

    /**
     * Keeps the notifications a stretch of changes made, those whose key is new, and the mark past those changes,
     * in one write.
     *
     * @return the notifications kept, numbered
     */
    List<Notification> add(List<Notification> made, long seenUpTo);

    /** The PENDING notifications whose time has come, earliest first, at most {@code limit}. */
    default List<Notification> due(Instant now, int limit) {
        return due(now, limit, notification -> true);
    }

    /** The same, of those {@code wanted}: e.g. only answers to citizens' own messages, outside calling hours. */
    List<Notification> due(Instant now, int limit, Predicate<Notification> wanted);

    /**
     * An attempt begins: durably, before anything is sent. Empty when the notification is no longer PENDING (another
     * worker took it, or it was given up), so nothing is sent twice.
     */
    Optional<Notification> beginAttempt(long id, Instant at);

    /**
     * The attempt under way ended: DONE, FAILED, or PENDING again from {@code retryAt}.
     */
    Notification endAttempt(long id, AttemptResult how, String detail, NotificationStatus next,
                            Optional<Instant> retryAt);

    /**
     * The citizen answered the call for this notification: its script is speaking to them now. Recorded whatever the
     * manager interface has said or will say of the attempt, which may come later than the answer or, when its
     * connection dropped, never.
     *
     * @return the notification as it is now; empty if there is no such call notification with an attempt
     */
    Optional<Notification> callAnswered(long id);

    /**
     * Keeps one notification that no request's change made (an answer to a citizen's own SMS, a day's list of late
     * requests); one whose key is already kept (the same inbound message delivered twice, the same day's list) is not
     * kept again.
     *
     * @return the notification kept, or empty if its key was already kept
     */
    Optional<Notification> addOne(Notification reply);

    /**
     * The SMS centre's delivery receipt for the part it numbered so. One that comes before its attempt is recorded
     * as ended (the first part of a long message is often delivered while the last is being submitted) is kept and
     * applied then; one for a message never recorded (sent before the outbox, or by another system on the same
     * account) waits there for nothing.
     *
     * @return the notification as it is now, if known yet
     */
    Optional<Notification> receipt(String messageId, String state);

    /** A notification not to be sent at all (a number on the do-not-call list). */
    void skip(long id);

    /**
     * After a start: every SMS the last run began and never ended may have gone out, so it is marked UNCERTAIN and
     * left for a person to judge, never sent again on its own. A call the last run began and never saw answered is
     * due again from {@code callsFrom} (the call spacing from now: a hotline restarting over and over must not ring a
     * citizen at each start).
     *
     * @return how many
     */
    int markInterruptedUncertain(Instant callsFrom);

    Optional<Notification> find(long id);

    /** A request's notifications, in the order they were made. */
    List<Notification> forRequest(TrackingCode request);

    long count();
}
