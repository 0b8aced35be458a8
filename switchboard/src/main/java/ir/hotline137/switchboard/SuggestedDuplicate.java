package ir.hotline137.switchboard;

import java.time.Instant;
import java.util.Objects;

/**
 * An open request the duplicate search thought the caller might be describing, passed on so the agent can
 * offer to join it instead of registering the same pothole again. Plain values, not the requests module's
 * types, because the switchboard uses no other module.
 *
 * @param similarity the search's score, higher is closer; shown, never acted on here
 */
public record SuggestedDuplicate(String trackingCode, double similarity, Instant registeredAt, String category) {
    public SuggestedDuplicate {
        Objects.requireNonNull(trackingCode, "trackingCode");
        if (trackingCode.isBlank()) {
            throw new IllegalArgumentException("tracking code is blank");
        }
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(category, "category");
    }
}
