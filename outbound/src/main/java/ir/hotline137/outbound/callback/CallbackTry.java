package ir.hotline137.outbound.callback;

import java.time.Instant;
import java.util.Objects;

/** One try at calling back: when, by which agent, how it went. */
public record CallbackTry(Instant at, String agent, CallbackOutcome outcome) {
    public CallbackTry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(outcome, "outcome");
    }
}
