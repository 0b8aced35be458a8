package ir.hotline137.requests;

import java.time.Instant;
import java.util.Objects;

/** One change in a request's life: when, who (a user name, or "ivr"), and what, in words. */
public record HistoryEntry(Instant at, String actor, String what) {
    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(what, "what");
    }
}
