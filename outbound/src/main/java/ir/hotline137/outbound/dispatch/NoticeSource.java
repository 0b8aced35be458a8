package ir.hotline137.outbound.dispatch;

import ir.hotline137.outbound.outbox.Notification;
import java.time.Instant;

/**
 * Notices that no request's change makes, derived from what is kept elsewhere (the late requests of the day, a
 * meeting's invitations): asked at each look within calling hours, it puts into the outbox what is due and not yet
 * there. Each notice's key makes a second look, or a restart, make nothing twice.
 */
public interface NoticeSource {
    /** @return how many notices were made now */
    int make(Instant now);

    /**
     * Whether a notice this source made is still true, asked just before it is sent: what it tells may have changed
     * since (an invitation to a registration declined meanwhile). One that is not is skipped, never sent.
     */
    default boolean stillStands(Notification notice) {
        return true;
    }
}
