package ir.hotline137.outbound.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * How citizens are called ({@code hotline.outbound.*}).
 *
 * @param lines    calls under way at once at most: the trunk's channels the hotline may take from incoming callers
 * @param attempts calls to one number for one notification at most (busy, not answered, failed)
 * @param spacing  how long after a busy or unanswered call the next one may be
 */
public record CallSettings(int lines, int attempts, Duration spacing) {
    public CallSettings {
        if (lines < 1) {
            throw new IllegalArgumentException("lines must be at least 1, not " + lines);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        Objects.requireNonNull(spacing, "spacing");
    }
}
