package ir.hotline137.prompts;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Dates as callers say them: the Solar Hijri day, month and year, e.g. «سی‌ام آبان هزار و چهارصد و پنج».
 */
public final class SpokenDates {
    private SpokenDates() {
    }

    /**
     * The Jalali date on which the instant falls in the given zone: the day as an ordinal, the month's name,
     * the year as a cardinal.
     *
     * @param zone the zone whose midnight starts the day, normally Asia/Tehran
     */
    public static Utterance jalali(Instant instant, ZoneId zone) {
        return jalali(JalaliDate.of(instant, zone));
    }

    public static Utterance jalali(JalaliDate date) {
        return SpokenNumbers.ordinal(date.day())
                .then(Utterance.ofFiles("month-" + date.month()))
                .then(SpokenNumbers.cardinal(date.year()));
    }
}
