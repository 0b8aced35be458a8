package ir.hotline137.mayor;

import java.time.ZoneId;
import java.util.Objects;

/**
 * @param directiveDays the deadline of a directive written without one, in days from today
 * @param zone          the city's zone: what "today" and a deadline mean, and the report's clock
 */
public record MayorSettings(int directiveDays, ZoneId zone) {
    public MayorSettings {
        if (directiveDays < 1) {
            throw new IllegalArgumentException("directiveDays must be positive: " + directiveDays);
        }
        Objects.requireNonNull(zone, "zone");
    }
}
