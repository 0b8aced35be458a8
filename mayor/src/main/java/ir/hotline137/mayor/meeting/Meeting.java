package ir.hotline137.mayor.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One meeting. What it promises (the follow-up time, each official's places and each citizen's time) is kept with
 * it, so a setting changed later does not change what its citizens were told.
 *
 * @param at                 when it begins, in the city's time
 * @param district           the district it is for, if one
 * @param officials          who attends (deputies, district managers, units): the ones a matter can be routed to
 * @param slots              how many citizens each official sees, by official (every official has a number)
 * @param perCitizen         the time each citizen is given: the n-th of an official's citizens is expected at
 *                           {@code at + (n - 1) × perCitizen}
 * @param followUpDays       the time a referral made at it gets when the instruction names none
 * @param registrationOpens  from when citizens may register (by phone or the app)
 * @param registrationCloses until when
 */
public record Meeting(long id, MeetingKind kind, String title, LocalDateTime at, String place,
                      Optional<Integer> district, List<String> officials, Map<String, Integer> slots,
                      Duration perCitizen, int followUpDays, LocalDateTime registrationOpens,
                      LocalDateTime registrationCloses, String createdBy, Instant createdAt) {
    public Meeting {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(district, "district");
        officials = List.copyOf(officials);
        Map<String, Integer> places = new LinkedHashMap<>();
        for (String official : officials) {
            Integer count = slots.get(official);
            if (count == null || count < 1) {
                throw new IllegalArgumentException("no places for " + official);
            }
            places.put(official, count);
        }
        slots = Collections.unmodifiableMap(places);
        if (perCitizen.isNegative() || perCitizen.isZero()) {
            throw new IllegalArgumentException("perCitizen must be positive: " + perCitizen);
        }
        if (followUpDays < 1) {
            throw new IllegalArgumentException("followUpDays must be positive: " + followUpDays);
        }
        Objects.requireNonNull(registrationOpens, "registrationOpens");
        Objects.requireNonNull(registrationCloses, "registrationCloses");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether a citizen may register by themselves at {@code now} (city time). */
    public boolean isRegistrationOpen(LocalDateTime now) {
        return !now.isBefore(registrationOpens) && now.isBefore(registrationCloses);
    }

    /** When the citizen in an official's {@code turn} (from 1) is expected. */
    public LocalDateTime timeOf(int turn) {
        return at.plus(perCitizen.multipliedBy(Math.max(0, turn - 1)));
    }

    Meeting numbered(long newId) {
        return new Meeting(newId, kind, title, at, place, district, officials, slots, perCitizen, followUpDays,
                registrationOpens, registrationCloses, createdBy, createdAt);
    }
}
