package ir.hotline137.mayor.line;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One announced programme in which the mayor takes calls.
 *
 * @param plannedEnd when the programme is announced to end; only shown, the line does not close by itself,
 *                   because a programme that overruns should not cut callers off mid-sentence
 * @param openedBy   the username of whoever opened it, for the report
 * @param closedAt   present once the session is closed
 */
public record MayorSession(
        String id,
        String title,
        Instant openedAt,
        Instant plannedEnd,
        String openedBy,
        Optional<Instant> closedAt) {

    public MayorSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(plannedEnd, "plannedEnd");
        Objects.requireNonNull(openedBy, "openedBy");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    public boolean isOpen() {
        return closedAt.isEmpty();
    }

    MayorSession closed(Instant at) {
        return new MayorSession(id, title, openedAt, plannedEnd, openedBy, Optional.of(at));
    }
}
