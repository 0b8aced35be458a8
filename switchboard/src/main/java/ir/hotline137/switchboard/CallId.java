package ir.hotline137.switchboard;

import java.util.Objects;

/**
 * A call as Asterisk names it (its unique id, e.g. "1718000000.42"), so the IVR, the console and the call
 * records all speak of the same call.
 */
public record CallId(String value) {
    public CallId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("call id is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
