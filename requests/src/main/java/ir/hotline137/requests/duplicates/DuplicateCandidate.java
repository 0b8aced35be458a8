package ir.hotline137.requests.duplicates;

import ir.hotline137.requests.TrackingCode;
import java.time.Instant;

/**
 * An open request that is probably the same problem, with what a caller is told about it.
 *
 * @param similarity 0..1, how much of the two texts' weighted words they share (after the category signal)
 */
public record DuplicateCandidate(TrackingCode code, double similarity, Instant createdAt, String category) {
}
