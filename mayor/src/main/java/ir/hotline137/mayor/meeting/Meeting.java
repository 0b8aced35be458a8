package ir.hotline137.mayor.meeting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One meeting.
 *
 * @param at                 when it is held, in the city's time
 * @param district           the district it is for, if one
 * @param officials          who attends (deputies, district managers, units): the ones a matter can be routed to
 * @param registrationOpens  from when citizens may register (by phone or the app)
 * @param registrationCloses until when
 */
public record Meeting(long id, MeetingKind kind, String title, LocalDateTime at, String place,
                      Optional<Integer> district, List<String> officials, LocalDateTime registrationOpens,
                      LocalDateTime registrationCloses, String createdBy, Instant createdAt) {
    public Meeting {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(district, "district");
        officials = List.copyOf(officials);
        Objects.requireNonNull(registrationOpens, "registrationOpens");
        Objects.requireNonNull(registrationCloses, "registrationCloses");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether a citizen may register by themselves at {@code now} (city time). */
    public boolean isRegistrationOpen(LocalDateTime now) {
        return !now.isBefore(registrationOpens) && now.isBefore(registrationCloses);
    }

    Meeting numbered(long newId) {
        return new Meeting(newId, kind, title, at, place, district, officials, registrationOpens, registrationCloses,
                createdBy, createdAt);
    }
}
