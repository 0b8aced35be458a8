package ir.hotline137.prompts;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A day in the Solar Hijri (Jalali) calendar, the calendar callers live by.
 *
 * @param year  the Solar Hijri year, e.g. 1405
 * @param month 1 (Farvardin) to 12 (Esfand)
 * @param day   1 to 31
 */
public record JalaliDate(int year, int month, int day) {
    private static final ULocale PERSIAN_CALENDAR = new ULocale("fa_IR@calendar=persian");

    public JalaliDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("a Jalali month is 1 to 12, not " + month);
        }
        if (day < 1 || day > 31) {
            throw new IllegalArgumentException("a Jalali day is 1 to 31, not " + day);
        }
    }

    /** The Jalali day on which the instant falls in the given zone. */
    public static JalaliDate of(Instant instant, ZoneId zone) {
        return of(instant.atZone(zone).toLocalDate());
    }

    /** The Jalali day that is the given Gregorian day. */
    public static JalaliDate of(LocalDate date) {
        // java.time decides which day it is in the caller's zone; ICU only converts a day to a day. Handing ICU
        // the zone instead would need the zone's ID to be one ICU knows, and an unknown ID silently means GMT.
        Calendar calendar = Calendar.getInstance(TimeZone.GMT_ZONE, PERSIAN_CALENDAR);
        if (!"persian".equals(calendar.getType())) {
            throw new IllegalStateException("ICU gave a " + calendar.getType() + " calendar for " + PERSIAN_CALENDAR);
        }
        calendar.setTimeInMillis(date.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
        return new JalaliDate(
                calendar.get(Calendar.EXTENDED_YEAR),
                calendar.get(Calendar.MONTH) + 1,
                calendar.get(Calendar.DAY_OF_MONTH));
    }
}
