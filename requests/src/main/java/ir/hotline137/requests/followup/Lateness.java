package ir.hotline137.requests.followup;

import ir.hotline137.requests.Referral;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Where an open referral stands against its deadline: the escalation ladder. Overdue, the unit's head and the
 * supervisors are told; past twice the time it was given, it goes on the mayor's office's list. The mayor's
 * directives are referrals too, so they climb the same ladder with their own deadlines.
 */
public enum Lateness {
    /** Time enough left. */
    ON_TIME,
    /** In the last fifth of the time given (at least its last day): the unit should finish now. */
    DUE_SOON,
    /** Past its deadline. */
    OVERDUE,
    /** Past twice the time it was given: for the mayor's office. */
    FOR_THE_MAYOR;

    /**
     * @param today the city's today
     * @param zone  the city's zone, in which the referral's day is counted
     */
    public static Lateness of(Referral referral, LocalDate today, ZoneId zone) {
        LocalDate given = LocalDate.ofInstant(referral.referredAt(), zone);
        long span = Math.max(1, ChronoUnit.DAYS.between(given, referral.deadline()));
        if (today.isAfter(given.plusDays(2 * span))) {
            return FOR_THE_MAYOR;
        }
        if (today.isAfter(referral.deadline())) {
            return OVERDUE;
        }
        long warning = Math.max(1, span / 5);
        return ChronoUnit.DAYS.between(today, referral.deadline()) < warning ? DUE_SOON : ON_TIME;
    }

    /** Days to the deadline; negative once past it. */
    public static long daysLeft(Referral referral, LocalDate today) {
        return ChronoUnit.DAYS.between(today, referral.deadline());
    }

    public boolean isLate() {
        return this == OVERDUE || this == FOR_THE_MAYOR;
    }
}
