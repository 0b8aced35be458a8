package ir.hotline137.outbound.dispatch;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When citizens may be called or sent an SMS: between two times of day in the city's zone, on days that are not days
 * off (in Iran, Friday).
 *
 * @param from the first minute allowed
 * @param to   the first minute no longer allowed
 */
public record CallingHours(LocalTime from, LocalTime to, Set<DayOfWeek> daysOff, ZoneId zone) {
    public CallingHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("calling hours end (" + to + ") before they begin (" + from + ")");
        }
        daysOff = daysOff.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(daysOff));
        Objects.requireNonNull(zone, "zone");
    }

    /** Parses {@code 09:00-20:00}. */
    public static CallingHours of(String hours, Set<DayOfWeek> daysOff, ZoneId zone) {
        String[] parts = hours.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("calling hours are written like 09:00-20:00, not '" + hours + "'");
        }
        return new CallingHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()), daysOff, zone);
    }

    public boolean allow(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return !daysOff.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }
}
