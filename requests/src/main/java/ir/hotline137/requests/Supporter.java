package ir.hotline137.requests;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller who reported the same problem and joined the existing request instead of opening another.
 * The number is absent for a caller who withheld it: they still count.
 */
public record Supporter(Optional<CallerNumber> callerNumber, Instant joinedAt) {
    public Supporter {
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
