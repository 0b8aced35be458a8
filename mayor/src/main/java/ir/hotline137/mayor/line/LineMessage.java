package ir.hotline137.mayor.line;

import java.time.Instant;
import java.util.Objects;

/**
 * A line between the screening room and the mayor during a programme ("two minutes left", "the next caller is
 * angry"), as written.
 *
 * @param from who wrote it (their username)
 */
public record LineMessage(Instant at, String from, String text) {
    public LineMessage {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
    }
}
