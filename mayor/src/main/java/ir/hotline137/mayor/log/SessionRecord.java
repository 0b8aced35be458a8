package ir.hotline137.mayor.log;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A mayor session as the report keeps it.
 *
 * @param closedBy who closed it, once closed
 */
public record SessionRecord(
        String id,
        String title,
        Instant openedAt,
        Instant plannedEnd,
        String openedBy,
        Optional<Instant> closedAt,
        Optional<String> closedBy) {

    public SessionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(plannedEnd, "plannedEnd");
        Objects.requireNonNull(openedBy, "openedBy");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(closedBy, "closedBy");
    }
}
