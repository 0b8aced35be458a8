package ir.hotline137.outbound.outbox;

import ir.hotline137.requests.TrackingCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One message to one citizen about one request, and every attempt at it.
 *
 * @param id        the outbox's own number, in the order notifications were made
 * @param key       what makes it this notification and no other (request, kind, recipient, the event's time): the
 *                  same change seen twice makes one notification, not two
 * @param request   the request it is about; empty for a reply that names none (a keyword, a wrong code)
 * @param to        the citizen's number as the requests keep it
 * @param text      what an SMS says (a call speaks from recordings)
 * @param nextTryAt when it may next be tried, while PENDING
 * @param receipt   what the SMS centre last reported of the message's delivery (SMPP's final states: DELIVRD,
 *                  UNDELIV, EXPIRED, REJECTD...)
 */
public record Notification(long id, String key, Optional<TrackingCode> request, NoticeKind kind, Channel channel, String to,
                           String text, Instant createdAt, NotificationStatus status, List<Attempt> attempts,
                           Optional<Instant> nextTryAt, Optional<String> receipt) {
    public Notification {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(nextTryAt, "nextTryAt");
        Objects.requireNonNull(receipt, "receipt");
    }

    /** A new notification, to be tried from {@code at}. */
    public static Notification made(String key, TrackingCode request, NoticeKind kind, Channel channel, String to,
                                    String text, Instant at) {
        return new Notification(0, key, Optional.of(request), kind, channel, to, text, at, NotificationStatus.PENDING,
                List.of(), Optional.of(at), Optional.empty());
    }

    /** An SMS answering one the citizen sent, to go at once. */
    public static Notification reply(String key, Optional<TrackingCode> request, String to, String text, Instant at) {
        return new Notification(0, key, request, NoticeKind.REPLY, Channel.SMS, to, text, at, NotificationStatus.PENDING,
                List.of(), Optional.of(at), Optional.empty());
    }

    /** An SMS about no one request: a unit's head's list of late requests, a citizen's meeting invitation. */
    public static Notification withoutRequest(String key, NoticeKind kind, String to, String text, Instant at) {
        return withoutRequest(key, kind, Channel.SMS, to, text, at);
    }

    /** The same by {@code channel}: a call speaks from recordings, its text is for the record. */
    public static Notification withoutRequest(String key, NoticeKind kind, Channel channel, String to, String text,
                                              Instant at) {
        return new Notification(0, key, Optional.empty(), kind, channel, to, text, at, NotificationStatus.PENDING,
                List.of(), Optional.of(at), Optional.empty());
    }

    public Optional<Attempt> lastAttempt() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.getLast());
    }

    Notification numbered(long newId) {
        return new Notification(newId, key, request, kind, channel, to, text, createdAt, status, attempts, nextTryAt,
                receipt);
    }

    Notification begun(Instant at) {
        List<Attempt> more = new ArrayList<>(attempts);
        more.add(new Attempt(attempts.size() + 1, at, Optional.empty(), ""));
        return new Notification(id, key, request, kind, channel, to, text, createdAt, NotificationStatus.SENDING,
                more, Optional.empty(), receipt);
    }

    Notification ended(AttemptResult how, String detail, NotificationStatus next, Optional<Instant> retryAt) {
        List<Attempt> done = new ArrayList<>(attempts);
        done.set(done.size() - 1, done.getLast().ended(how, detail));
        return new Notification(id, key, request, kind, channel, to, text, createdAt, next, done, retryAt, receipt);
    }

    /** The citizen picked up: the last attempt was answered, whatever was recorded of it before. */
    Notification answered(String detail) {
        List<Attempt> done = new ArrayList<>(attempts);
        done.set(done.size() - 1, done.getLast().ended(AttemptResult.ANSWERED, detail));
        return new Notification(id, key, request, kind, channel, to, text, createdAt, NotificationStatus.DONE, done,
                Optional.empty(), receipt);
    }

    /** Whether the citizen has answered a call for this notification. */
    public boolean wasAnswered() {
        return lastAttempt().flatMap(Attempt::result).filter(r -> r == AttemptResult.ANSWERED).isPresent();
    }

    /**
     * Call attempts that reached the network, or may have, and did not get the citizen: busy, not answered, failed,
     * and those whose end went unsaid. An outage of ours that dialled nothing is not counted.
     */
    public long unansweredCalls() {
        return attempts.stream().filter(a -> a.result().filter(r -> r == AttemptResult.BUSY
                || r == AttemptResult.NO_ANSWER || r == AttemptResult.FAILED || r == AttemptResult.UNCERTAIN)
                .isPresent()).count();
    }

    Notification withStatus(NotificationStatus next) {
        return new Notification(id, key, request, kind, channel, to, text, createdAt, next, attempts, Optional.empty(),
                receipt);
    }

    /** SMPP's final states that mean the citizen was not told (SMPP 3.4 appendix B). */
    static final Set<String> NOT_DELIVERED = Set.of("UNDELIV", "EXPIRED", "REJECTD", "DELETED");

    /**
     * The centre's delivery receipt for one of its parts. Delivered: DONE, unless another part failed. Not delivered:
     * the citizen was not told, FAILED (not tried again: a phone off for days or a wrong number will not be better in
     * half an hour). Anything else (ENROUTE, ACCEPTD, UNKNOWN) is not final and changes nothing.
     */
    Notification received(String state) {
        boolean failedBefore = receipt.filter(NOT_DELIVERED::contains).isPresent();
        if (NOT_DELIVERED.contains(state)) {
            return new Notification(id, key, request, kind, channel, to, text, createdAt, NotificationStatus.FAILED,
                    attempts, nextTryAt, Optional.of(state));
        }
        if ("DELIVRD".equals(state) && !failedBefore) {
            return new Notification(id, key, request, kind, channel, to, text, createdAt, NotificationStatus.DONE,
                    attempts, nextTryAt, Optional.of(state));
        }
        return this;
    }
}
