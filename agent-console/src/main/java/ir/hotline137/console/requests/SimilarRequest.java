package ir.hotline137.console.requests;

import java.time.Instant;

/**
 * An open request probably about the same problem as what an agent is typing: enough to decide at a glance
 * whether the caller should join it instead (when, where it stands, how many already joined, what it says).
 *
 * @param similarity   0..1, as the duplicate search scores it
 * @param supporters   callers who joined it besides the one who reported it
 * @param description  its first words
 */
public record SimilarRequest(String trackingCode, double similarity, Instant registeredAt, String status,
                             String category, int supporters, String description) {
}
