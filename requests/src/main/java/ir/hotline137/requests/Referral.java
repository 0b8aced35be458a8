package ir.hotline137.requests;

import java.time.LocalDate;
import java.util.Objects;

/** Who must act on a request and by when: a unit (district office, deputy), optionally a named person. */
public record Referral(String unit, String assignee, LocalDate deadline) {
    public Referral {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(deadline, "deadline");
        if (unit.isBlank()) {
            throw new InvalidRequestException("referral.unit", "must not be empty");
        }
    }

    public boolean isOverdue(LocalDate today) {
        return today.isAfter(deadline);
    }
}
