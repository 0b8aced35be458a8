package ir.hotline137.switchboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A call on the switchboard as a screen shows it, frozen at the moment it was taken: screens get copies,
 * never the live state, so they cannot change it or read it half-changed.
 *
 * @param position   1-based place in the queue; 0 once the call no longer waits (e.g. in an accepted call)
 * @param waited     how long the caller has been on the switchboard, up to the moment of the view or the
 *                   moment the call left the queue
 * @param assignedTo the username of the agent who accepted it, if one did
 */
public record WaitingCallView(
        CallId id,
        GatheredInfo info,
        Instant enqueuedAt,
        int position,
        Duration waited,
        Optional<String> assignedTo) {

    public WaitingCallView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        if (position < 0) {
            throw new IllegalArgumentException("position is negative: " + position);
        }
        Objects.requireNonNull(waited, "waited");
        Objects.requireNonNull(assignedTo, "assignedTo");
    }
}
