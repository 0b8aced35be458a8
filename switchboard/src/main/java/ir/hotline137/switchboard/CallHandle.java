package ir.hotline137.switchboard;

import java.time.Instant;
import java.util.Objects;

/** What every switchboard's handle of a held call knows from the start and never changes. */
abstract class CallHandle implements WaitingCall {
    final CallId id;
    final GatheredInfo info;
    final Instant enqueuedAt;

    CallHandle(CallId id, GatheredInfo info, Instant enqueuedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.info = Objects.requireNonNull(info, "info");
        this.enqueuedAt = Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    }

    @Override
    public final CallId id() {
        return id;
    }

    @Override
    public final GatheredInfo info() {
        return info;
    }

    @Override
    public final Instant enqueuedAt() {
        return enqueuedAt;
    }

    @Override
    public String toString() {
        return "WaitingCall[" + id + "]";
    }
}
