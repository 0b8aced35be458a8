package ir.hotline137.requests;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a request is in its life. REJECTED may come at any open stage: a request outside the city's remit
 * is turned down as soon as someone sees it, not only after work began.
 */
public enum RequestStatus {
    REGISTERED, REFERRED, IN_PROGRESS, RESOLVED, REJECTED, CLOSED, DUPLICATE;

    /** Statuses in which the problem is still being worked on; only these attract duplicates. */
    public static final Set<RequestStatus> OPEN = EnumSet.of(REGISTERED, REFERRED, IN_PROGRESS);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public Set<RequestStatus> next() {
        return switch (this) {
            case REGISTERED -> EnumSet.of(REFERRED, REJECTED, DUPLICATE);
            case REFERRED -> EnumSet.of(IN_PROGRESS, REJECTED, DUPLICATE);
            case IN_PROGRESS -> EnumSet.of(RESOLVED, REJECTED);
            case RESOLVED, REJECTED -> EnumSet.of(CLOSED);
            case CLOSED, DUPLICATE -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean canBecome(RequestStatus target) {
        return next().contains(target);
    }
}
