package ir.hotline137.mayor.meeting;

import ir.hotline137.requests.TrackingCode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A citizen's registration for a meeting.
 *
 * @param callerNumber the citizen's number as the requests keep it; empty when they gave none
 * @param matter       the matter in their own words
 * @param official     who they will meet, once routed
 * @param turn         their place in the official's list, from 1, once routed: it says when they are expected
 * @param reason       why it was declined, or how it was answered without a meeting
 * @param earlier      an earlier request of theirs about the same matter, linked by the executive review
 * @param referred     the request that carries the meeting's instruction, once heard
 */
public record Registration(long id, long meetingId, Optional<String> callerNumber, int district, String matter,
                           RegistrationSource source, Instant registeredAt, String registeredBy,
                           RegistrationStatus status, Optional<String> official, Optional<Integer> turn,
                           Optional<String> reason,
                           Optional<TrackingCode> earlier, Optional<TrackingCode> referred) {
    public Registration {
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(matter, "matter");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(registeredBy, "registeredBy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(official, "official");
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(referred, "referred");
    }

    Registration numbered(long newId) {
        return new Registration(newId, meetingId, callerNumber, district, matter, source, registeredAt, registeredBy,
                status, official, turn, reason, earlier, referred);
    }

    Registration routed(String to, int place) {
        return new Registration(id, meetingId, callerNumber, district, matter, source, registeredAt, registeredBy,
                RegistrationStatus.ROUTED, Optional.of(to), Optional.of(place), Optional.empty(), earlier, referred);
    }

    Registration closed(RegistrationStatus how, String why) {
        return new Registration(id, meetingId, callerNumber, district, matter, source, registeredAt, registeredBy,
                how, official, Optional.empty(), Optional.of(why), earlier, referred);
    }

    Registration linked(TrackingCode code) {
        return new Registration(id, meetingId, callerNumber, district, matter, source, registeredAt, registeredBy,
                status, official, turn, reason, Optional.of(code), referred);
    }

    Registration heard(TrackingCode code) {
        return new Registration(id, meetingId, callerNumber, district, matter, source, registeredAt, registeredBy,
                RegistrationStatus.HEARD, official, turn, reason, earlier, Optional.of(code));
    }
}
