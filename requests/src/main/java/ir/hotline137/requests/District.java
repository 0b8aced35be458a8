package ir.hotline137.requests;

import java.util.Objects;

/** A municipal district as configured: its number (what callers press) and its name. */
public record District(int number, String name) {
    public District {
        Objects.requireNonNull(name, "name");
        if (number < 1) {
            throw new IllegalArgumentException("district number must be positive: " + number);
        }
    }
}
