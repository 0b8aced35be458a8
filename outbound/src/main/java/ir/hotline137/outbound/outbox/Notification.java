package ir.hotline137.outbound.outbox;

import ir.hotline137.requests.TrackingCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to one citizen about one request, and every attempt at it.
 *
 * @param id        the outbox's own number, in the order notifications were made
 * @param key       what makes it this notification and no other (request, kind, recipient, the event's time): the
 *                  same change seen twice makes one notification, not two
 * @param to        the citizen's number as the requests keep it
 * @param text      what an SMS says (a call speaks from recordings)
 * @param nextTryAt when it may next be tried, while PENDING
 */
public record Notification(long id, String key, TrackingCode request, NoticeKind kind, Channel channel, String to,
                           String text, Instant createdAt, NotificationStatus status, List<Attempt> attempts,
                           Optional<Instant> nextTryAt) {
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
    }

    /** A new notification, to be tried from {@code at}. */
    public static Notification made(String key, TrackingCode request, NoticeKind kind, Channel channel, String to,
                                    String text, Instant at) {
        return new Notification(0, key, request, kind, channel, to, text, at, NotificationStatus.PENDING, List.of(),
                Optional.of(at));
    }

    public Optional<Attempt> lastAttempt() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.getLast());
    }

    Notification numbered(long newId) {
        return new Notification(newId, key, request, kind, channel, to, text, createdAt, status, attempts, nextTryAt);
    }

    Notification begun(Instant at) {
        List<Attempt> more = new ArrayList<>(attempts);
        more.add(new Attempt(attempts.size() + 1, at, Optional.empty(), ""));
        return new Notification(id, key, request, kind, channel, to, text, createdAt, NotificationStatus.SENDING,
                more, Optional.empty());
    }

    Notification ended(AttemptResult how, String detail, NotificationStatus next, Optional<Instant> retryAt) {
        List<Attempt> done = new ArrayList<>(attempts);
        done.set(done.size() - 1, done.getLast().ended(how, detail));
        return new Notification(id, key, request, kind, channel, to, text, createdAt, next, done, retryAt);
    }

    Notification withStatus(NotificationStatus next) {
        return new Notification(id, key, request, kind, channel, to, text, createdAt, next, attempts, Optional.empty());
    }
}
