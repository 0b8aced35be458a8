package ir.hotline137.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Who must act on a request and by when: a unit (district office, deputy), optionally a named person.
 *
 * @param referredAt     when the unit was given it, from which its response time counts
 * @param acknowledgedAt when the unit said it has it (work began), if yet
 */
public record Referral(String unit, String assignee, LocalDate deadline, Instant referredAt,
                       Optional<Instant> acknowledgedAt) {
    public Referral {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(referredAt, "referredAt");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        if (unit.isBlank()) {
            throw new InvalidRequestException("referral.unit", "must not be empty");
        }
    }

    /**
     * A unit's name as referrals keep it, whoever typed it: readable, its spaces single, Arabic ي and ك as Persian's,
     * so the unit's own login finds what was referred to it.
     */
    public static String unitName(String typed) {
        if (typed == null) {
            return "";
        }
        return RequestDesk.readable(typed).replace('\u064A', '\u06CC').replace('\u0643', '\u06A9')
                .replaceAll("\\s+", " ").strip();
    }

    /** A referral made now, not yet acknowledged. */
    public static Referral made(String unit, String assignee, LocalDate deadline, Instant at) {
        return new Referral(unit, assignee, deadline, at, Optional.empty());
    }

    public Referral acknowledged(Instant at) {
        return acknowledgedAt.isPresent() ? this : new Referral(unit, assignee, deadline, referredAt, Optional.of(at));
    }

    public boolean isOverdue(LocalDate today) {
        return today.isAfter(deadline);
    }
}
