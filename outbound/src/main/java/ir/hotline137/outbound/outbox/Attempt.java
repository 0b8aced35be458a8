package ir.hotline137.outbound.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One try at telling the citizen.
 *
 * @param result empty while it is under way
 * @param detail what the gateway said: the SMS centre's message id, or why it failed
 */
public record Attempt(int number, Instant at, Optional<AttemptResult> result, String detail) {
    public Attempt {
        if (number < 1) {
            throw new IllegalArgumentException("attempts are counted from 1: " + number);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
    }

    Attempt ended(AttemptResult how, String said) {
        return new Attempt(number, at, Optional.of(how), said);
    }
}
