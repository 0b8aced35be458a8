package ir.hotline137.requests;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the citizen answered when told the result: a score on the keypad, and whether the problem is really fixed.
 *
 * @param score 1 (very unhappy) to 5 (very happy)
 * @param fixed empty when they did not answer that question
 */
public record Satisfaction(int score, Optional<Boolean> fixed, Instant at) {
    public Satisfaction {
        if (score < 1 || score > 5) {
            throw new InvalidRequestException("satisfaction.score", "must be 1 to 5, not " + score);
        }
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(at, "at");
    }
}
