package ir.hotline137.console.meetings;

import ir.hotline137.mayor.meeting.Meeting;
import ir.hotline137.mayor.meeting.MeetingDesk;
import ir.hotline137.mayor.meeting.Registration;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Referral;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON of meetings, their registrations and their report. */
final class MeetingViews {
    private MeetingViews() {
    }

    /**
     * @param places           each official's places: how many citizens they see and how many are given
     * @param minutesPerCitizen how long each citizen is given
     * @param registrationOpen whether citizens may register by themselves now
     */
    record MeetingView(long id, String kind, String title, LocalDateTime date, String place, Integer district,
                       List<String> officials, List<Places> places, long minutesPerCitizen,
                       LocalDateTime registrationOpens, LocalDateTime registrationCloses, boolean registrationOpen,
                       int followUpDays) {
        static MeetingView of(Meeting m, Map<String, Integer> taken, LocalDateTime now) {
            return new MeetingView(m.id(), m.kind().name(), m.title(), m.at(), m.place(), m.district().orElse(null),
                    m.officials(), m.officials().stream()
                            .map(o -> new Places(o, m.slots().get(o), taken.getOrDefault(o, 0))).toList(),
                    m.perCitizen().toMinutes(), m.registrationOpens(), m.registrationCloses(),
                    m.isRegistrationOpen(now), m.followUpDays());
        }
    }

    /** @param slots how many citizens the official sees; {@code taken} how many are routed to them */
    record Places(String official, int slots, int taken) {
    }

    /** One of the citizen's requests, for the executive review to link. */
    record EarlierRequest(String code, String status, Instant createdAt, String description) {
        static EarlierRequest of(CitizenRequest r) {
            return new EarlierRequest(r.code().value(), r.status().name(), r.createdAt(), r.description());
        }
    }

    /**
     * @param turn       the citizen's place in their official's list, once routed
     * @param expectedAt when they are expected (the meeting's start plus the turns before theirs)
     * @param reason    why it was declined, or how it was answered without a meeting
     * @param earlier   the linked earlier request's code
     * @param request   the code of the request carrying the meeting's instruction, once heard
     * @param requests  the citizen's requests (latest first), when asked for the review
     */
    record RegistrationView(long id, long meetingId, String callerNumber, int district, String matter, String source,
                            Instant registeredAt, String registeredBy, String status, String official, Integer turn,
                            LocalDateTime expectedAt, String reason, String earlier, String request,
                            List<EarlierRequest> requests) {
        static RegistrationView of(Registration r, Optional<LocalDateTime> expectedAt, List<CitizenRequest> requests) {
            return new RegistrationView(r.id(), r.meetingId(), r.callerNumber().orElse(null), r.district(),
                    r.matter(), r.source().name(), r.registeredAt(), r.registeredBy(), r.status().name(),
                    r.official().orElse(null), r.turn().orElse(null), expectedAt.orElse(null),
                    r.reason().orElse(null), r.earlier().map(c -> c.value()).orElse(null),
                    r.referred().map(c -> c.value()).orElse(null),
                    requests.stream().map(EarlierRequest::of).toList());
        }
    }

    /**
     * @param requestStatus the status today of the request made at the meeting
     * @param daysLeft      to its deadline; negative once past; null once it has its result, or never referred
     * @param lateness      ON_TIME, DUE_SOON, OVERDUE or FOR_THE_MAYOR while open
     */
    record ReportRow(RegistrationView registration, String request, String requestStatus, String unit,
                     LocalDate deadline, Long daysLeft, String lateness, String result) {
        static ReportRow of(MeetingDesk.ReportRow row, Optional<LocalDateTime> expectedAt) {
            var referral = row.request().flatMap(CitizenRequest::referral);
            return new ReportRow(RegistrationView.of(row.registration(), expectedAt, List.of()),
                    row.request().map(r -> r.code().value()).orElse(null),
                    row.request().map(r -> r.status().name()).orElse(null), referral.map(Referral::unit).orElse(null),
                    referral.map(Referral::deadline).orElse(null), row.daysLeft().orElse(null),
                    row.lateness().map(Enum::name).orElse(null), row.request().flatMap(CitizenRequest::result)
                            .orElse(null));
        }
    }

    /** A matter heard at a meeting on the follow-up committee's list, with the meeting it was heard at. */
    record FollowUpRow(long meetingId, String meetingTitle, String kind, LocalDateTime meetingDate, ReportRow row) {
    }

    /** @param answered heard at the meeting and given their result; {@code open} heard and still waiting */
    record Report(MeetingView meeting, int registered, int routed, int declined, int answeredWithoutMeeting,
                  int heard, int answered, int open, List<ReportRow> rows) {
    }
}
