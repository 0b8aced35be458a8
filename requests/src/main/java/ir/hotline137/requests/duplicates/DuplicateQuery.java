package ir.hotline137.requests.duplicates;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A new problem to compare with the open requests of its district.
 *
 * @param category the category the caller chose or we guessed; a signal, not a filter
 * @param at       "now": the time window ends here
 */
public record DuplicateQuery(int district, Optional<String> category, String description, Instant at) {
    public DuplicateQuery {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(at, "at");
    }
}
