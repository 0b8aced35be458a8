package ir.hotline137.mayor.meeting;

import ir.hotline137.mayor.MayorSettings;
import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.followup.Lateness;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything done with a meeting, in the order the written rules give it: a supervisor creates it; citizens register
 * while its registration is open (by phone, the app or an agent; at the venue on the day); the executive review links
 * a registration to the citizen's earlier request or answers it without a meeting; the screening committee routes it
 * to an official who attends, or declines it with a reason; at the meeting the official's instruction (the paraph)
 * becomes a request referred to its unit with a deadline (the meeting's follow-up time from its day unless
 * named), which the follow-up committee tracks like any referral.
 *
 * <p>Every check is made before anything is written; an instruction's request, its referral and the registration's
 * new state are one commit.
 */
public final class MeetingDesk {
    private static final int MAX_TEXT = 300;

    private final Meetings meetings;
    private final RequestDesk desk;
    private final MayorSettings settings;
    private final MeetingSettings defaults;
    private final Clock clock;

    public MeetingDesk(Meetings meetings, RequestDesk desk, MayorSettings settings, MeetingSettings defaults,
                       Clock clock) {
        this.meetings = meetings;
        this.desk = desk;
        this.settings = settings;
        this.defaults = defaults;
        this.clock = clock;
    }

    /**
     * A meeting as a supervisor describes it.
     *
     * @param slots            places of officials who see more or fewer citizens than {@code slotsPerOfficial}
     * @param slotsPerOfficial how many citizens each official sees; the setting's when empty
     * @param perCitizen       how long each citizen is given; the setting's when empty
     */
    public record MeetingDraft(MeetingKind kind, String title, LocalDateTime at, String place,
                               Optional<Integer> district, List<String> officials, Map<String, Integer> slots,
                               Optional<Integer> slotsPerOfficial, Optional<Duration> perCitizen,
                               LocalDateTime registrationOpens, LocalDateTime registrationCloses) {
        /** Officials who all see the setting's number of citizens, each for the setting's time. */
        public MeetingDraft(MeetingKind kind, String title, LocalDateTime at, String place,
                            Optional<Integer> district, List<String> officials, LocalDateTime registrationOpens,
                            LocalDateTime registrationCloses) {
            this(kind, title, at, place, district, officials, Map.of(), Optional.empty(), Optional.empty(),
                    registrationOpens, registrationCloses);
        }
    }

    public Meeting create(MeetingDraft draft, String by) {
        if (draft.kind() == null) {
            throw new InvalidRequestException("kind", "is required: PUBLIC_MEETING, PEOPLES_WEDNESDAY or MARDOM_SALAM");
        }
        String title = text("title", draft.title());
        String place = text("place", draft.place());
        if (draft.at() == null) {
            throw new InvalidRequestException("date", "is required, as 2026-12-20T10:00 in the city's time");
        }
        if (draft.registrationOpens() == null || draft.registrationCloses() == null) {
            throw new InvalidRequestException(draft.registrationOpens() == null ? "registrationOpens"
                    : "registrationCloses", "is required, as 2026-12-12T08:00 in the city's time");
        }
        if (!draft.registrationOpens().isBefore(draft.registrationCloses())) {
            throw new InvalidRequestException("registrationCloses", "is not after registrationOpens");
        }
        if (draft.registrationCloses().isAfter(draft.at())) {
            throw new InvalidRequestException("registrationCloses", "is after the meeting itself");
        }
        draft.district().ifPresent(this::knownDistrict);
        List<String> officials = new ArrayList<>();
        for (String official : draft.officials() == null ? List.<String>of() : draft.officials()) {
            String name = official == null ? "" : RequestDesk.readable(official).strip();
            if (!name.isEmpty() && !officials.contains(name)) {
                officials.add(name);
            }
        }
        if (officials.isEmpty()) {
            throw new InvalidRequestException("officials", "names nobody: who attends, to route citizens to");
        }
        int each = draft.slotsPerOfficial().orElse(defaults.slotsPerOfficial());
        places("slotsPerOfficial", each);
        Map<String, Integer> slots = new LinkedHashMap<>();
        officials.forEach(o -> slots.put(o, each));
        draft.slots().forEach((official, count) -> {
            String name = official == null ? "" : RequestDesk.readable(official).strip();
            if (!slots.containsKey(name)) {
                throw new InvalidRequestException("slots", "'" + name + "' is not among the officials");
            }
            places("slots", count == null ? 0 : count);
            slots.put(name, count);
        });
        Duration perCitizen = draft.perCitizen().orElse(defaults.perCitizen());
        if (perCitizen.compareTo(Duration.ofMinutes(1)) < 0 || perCitizen.compareTo(Duration.ofHours(2)) > 0) {
            throw new InvalidRequestException("minutesPerCitizen", "must be 1 to 120 minutes");
        }
        return meetings.add(new Meeting(0, draft.kind(), title, draft.at(), place, draft.district(), officials, slots,
                perCitizen, defaults.followUpDays().get(draft.kind()), draft.registrationOpens(),
                draft.registrationCloses(), by, clock.instant()));
    }

    private static void places(String field, int count) {
        if (count < 1 || count > MeetingSettings.MOST_SLOTS) {
            throw new InvalidRequestException(field, "must be 1 to " + MeetingSettings.MOST_SLOTS + " citizens");
        }
    }

    public List<Meeting> meetings() {
        return meetings.meetings();
    }

    public Optional<Meeting> meeting(long id) {
        return meetings.meeting(id);
    }

    /** The meetings a citizen may register for by themselves now. */
    public List<Meeting> openForRegistration() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), settings.zone());
        return meetings.meetings().stream().filter(m -> m.isRegistrationOpen(now)).toList();
    }

    /**
     * A citizen registers. By phone, the app or an agent only while registration is open; at the venue only on the
     * meeting's day. The same number registering again for the same meeting gets the registration it has.
     */
    public Registration register(long meetingId, Optional<String> number, int district, String matter,
                                 RegistrationSource source, String by) {
        Meeting meeting = existing(meetingId);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), settings.zone());
        if (source == RegistrationSource.VENUE) {
            if (!now.toLocalDate().equals(meeting.at().toLocalDate())) {
                throw new MeetingRefused("not-the-day", "registering at the venue is on the meeting's day");
            }
        } else if (!meeting.isRegistrationOpen(now)) {
            throw new MeetingRefused("registration-closed", "registration is open from "
                    + meeting.registrationOpens() + " to " + meeting.registrationCloses());
        }
        knownDistrict(district);
        String words = matter == null ? "" : RequestDesk.readable(matter).strip();
        if (words.isEmpty()) {
            throw new InvalidRequestException("matter", "is empty");
        }
        if (words.length() > RequestDesk.MAX_DESCRIPTION_LENGTH) {
            throw new InvalidRequestException("matter", "is longer than " + RequestDesk.MAX_DESCRIPTION_LENGTH
                    + " characters");
        }
        Optional<String> digits;
        try {
            digits = number.filter(n -> !n.isBlank()).map(n -> CallerNumber.parse(n).digits());
        } catch (IllegalArgumentException notANumber) {
            throw new InvalidRequestException("callerNumber", "is not a phone number: " + number.get());
        }
        if (digits.isPresent()) {
            for (Registration earlier : meetings.registrations(meetingId)) {
                if (earlier.callerNumber().equals(digits)) {
                    return earlier;
                }
            }
        }
        return meetings.register(new Registration(0, meetingId, digits, district, words, source, clock.instant(), by,
                RegistrationStatus.REGISTERED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    public Optional<Registration> registration(long registrationId) {
        return meetings.registration(registrationId);
    }

    public List<Registration> registrations(long meetingId) {
        existing(meetingId);
        return meetings.registrations(meetingId);
    }

    /** The citizen's requests, latest first, for the executive review to link. */
    public List<CitizenRequest> requestsOf(Registration registration) {
        return registration.callerNumber().map(n -> desk.findByCaller(n, 20)).orElse(List.of());
    }

    /** The executive review links the registration to the citizen's earlier request about the same matter. */
    public Registration link(long meetingId, long registrationId, TrackingCode code, String by) {
        if (desk.find(code).isEmpty()) {
            throw new InvalidRequestException("code", "no request " + code.value());
        }
        return change(meetingId, registrationId, current -> {
            undecided(current);
            return current.linked(code);
        });
    }

    /** The executive review answers it without a meeting (found dealt with, or dealt with now), saying how. */
    public Registration answer(long meetingId, long registrationId, String how, String by) {
        String words = text("reason", how);
        return change(meetingId, registrationId, current -> {
            undecided(current);
            return current.closed(RegistrationStatus.ANSWERED, words);
        });
    }

    /**
     * The screening committee routes it to an official who attends, taking the official's first free turn; routed to
     * the same official again it keeps the turn it has. An official whose places are all given is refused
     * ({@code official-full}). Once routed it is not routed to another ({@code already-routed}): the invitation with
     * its day and hour goes out at once, and moving the citizen would give their announced hour to someone else. A
     * committee that must undo it declines it, and the citizen is told.
     */
    public Registration route(long meetingId, long registrationId, String official, String by) {
        Meeting meeting = existing(meetingId);
        String name = official == null ? "" : RequestDesk.readable(official).strip();
        if (!meeting.officials().contains(name)) {
            throw new InvalidRequestException("official", "'" + name + "' does not attend this meeting: "
                    + String.join("، ", meeting.officials()));
        }
        // Turns are given one route at a time, so two committee members (on any node) never give the same one.
        return meetings.exclusively(meetingId, () -> {
            Set<Integer> taken = new HashSet<>();
            for (Registration other : meetings.registrations(meetingId)) {
                if (other.id() != registrationId && holdsTurn(other) && other.official().orElseThrow().equals(name)) {
                    other.turn().ifPresent(taken::add);
                }
            }
            return change(meetingId, registrationId, current -> {
                undecided(current);
                if (current.status() == RegistrationStatus.ROUTED) {
                    if (current.official().orElseThrow().equals(name) && current.turn().isPresent()) {
                        return current;
                    }
                    throw new MeetingRefused("already-routed", "this registration is routed to "
                            + current.official().orElseThrow() + " and its citizen invited for that turn");
                }
                int turn = 1;
                while (taken.contains(turn)) {
                    turn++;
                }
                if (turn > meeting.slots().get(name)) {
                    throw new MeetingRefused("official-full", name + " sees " + meeting.slots().get(name)
                            + " citizens at this meeting, and every place is given");
                }
                return current.routed(name, turn);
            });
        });
    }

    /** Places given and left, by official, in the order they attend. */
    public Map<String, Integer> placesTaken(long meetingId) {
        Meeting meeting = existing(meetingId);
        Map<String, Integer> taken = new LinkedHashMap<>();
        meeting.officials().forEach(o -> taken.put(o, 0));
        for (Registration registration : meetings.registrations(meetingId)) {
            if (holdsTurn(registration)) {
                taken.merge(registration.official().orElseThrow(), 1, Integer::sum);
            }
        }
        return taken;
    }

    /** When a routed citizen is expected: their turn's time, or the meeting's start for one with no turn. */
    public Optional<LocalDateTime> expectedAt(long registrationId) {
        return meetings.registration(registrationId)
                .filter(MeetingDesk::holdsTurn)
                .flatMap(r -> meetings.meeting(r.meetingId()).map(m -> r.turn().map(m::timeOf).orElse(m.at())));
    }

    private static boolean holdsTurn(Registration registration) {
        return (registration.status() == RegistrationStatus.ROUTED || registration.status() == RegistrationStatus.HEARD)
                && registration.official().isPresent();
    }

    /** The screening committee declines it, with the reason the citizen is told. */
    public Registration decline(long meetingId, long registrationId, String reason, String by) {
        String words = text("reason", reason);
        return change(meetingId, registrationId, current -> {
            undecided(current);
            return current.closed(RegistrationStatus.DECLINED, words);
        });
    }

    /**
     * At the meeting: the official's instruction on a routed matter. It becomes a request referred to {@code unit}
     * by {@code deadline} (the meeting's follow-up time from its day when not named): the linked earlier
     * request when it can still be referred, else a new one (source MEETING) that names the earlier one.
     */
    public Registration hear(long meetingId, long registrationId, String unit, String instruction,
                             Optional<LocalDate> deadline, String by) {
        Meeting meeting = existing(meetingId);
        Registration registration = meetings.registration(registrationId)
                .filter(r -> r.meetingId() == meetingId)
                .orElseThrow(() -> new InvalidRequestException("registration", "no registration " + registrationId
                        + " for meeting " + meetingId));
        if (registration.status() != RegistrationStatus.ROUTED) {
            throw new MeetingRefused("not-routed", "only a matter routed to an official is heard; this one is "
                    + registration.status());
        }
        String words = text("instruction", instruction);
        String toUnit = text("unit", unit);
        LocalDate by0 = deadline.orElse(meeting.at().toLocalDate().plusDays(meeting.followUpDays()));
        String note = "دستور " + registration.official().orElse("") + " در «" + meeting.title() + "»: " + words;
        return desk.together(() -> {
            Optional<CitizenRequest> earlier = registration.earlier().flatMap(desk::find)
                    .filter(r -> r.status().canBecome(RequestStatus.REFERRED));
            TrackingCode code;
            if (earlier.isPresent()) {
                code = earlier.get().code();
                desk.addNote(code, note, by);
            } else {
                code = desk.register(new NewRequest(registration.callerNumber(), registration.district(),
                        Optional.empty(), registration.matter(), RequestSource.MEETING, Optional.empty(), by,
                        Optional.of(note + registration.earlier().map(c -> "؛ درخواست پیشین: " + c.value())
                                .orElse("")))).code();
            }
            desk.refer(code, Optional.of(toUnit), Optional.empty(), Optional.of(by0), by);
            return meetings.update(registrationId, current -> {
                if (current.status() != RegistrationStatus.ROUTED) {
                    throw new MeetingRefused("not-routed", "heard meanwhile");
                }
                return current.heard(code);
            });
        });
    }

    /**
     * One row of the follow-up committee's report: a registration, and for one heard, its request as it is today.
     *
     * @param daysLeft to the referral's deadline from today; negative once past it; empty when not referred
     */
    public record ReportRow(Registration registration, Optional<CitizenRequest> request, Optional<Long> daysLeft,
                            Optional<Lateness> lateness) {
    }

    /** Every registration of the meeting with its outcome, and the requests made at it as they are today. */
    public List<ReportRow> report(long meetingId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone());
        List<ReportRow> rows = new ArrayList<>();
        for (Registration registration : registrations(meetingId)) {
            Optional<CitizenRequest> request = registration.referred().flatMap(desk::find);
            Optional<Referral> referral = request.flatMap(CitizenRequest::referral);
            boolean open = request.map(CitizenRequest::isOpen).orElse(false);
            rows.add(new ReportRow(registration, request,
                    referral.filter(r -> open).map(r -> Lateness.daysLeft(r, today)),
                    referral.filter(r -> open).map(r -> Lateness.of(r, today, settings.zone()))));
        }
        return rows;
    }

    /** A matter heard at a meeting, as the follow-up committee follows it. */
    public record FollowUpRow(Meeting meeting, ReportRow row) {
    }

    /**
     * The follow-up committee's list: every matter heard at any meeting with its request as it is today, the open
     * ones first, the latest on the ladder first (the mayor's office's, the overdue, the nearly due), then by the
     * days left; the answered after them, the latest meeting first.
     */
    public List<FollowUpRow> followUp() {
        List<FollowUpRow> rows = new ArrayList<>();
        for (Meeting meeting : meetings.meetings()) {
            for (ReportRow row : report(meeting.id())) {
                if (row.registration().status() == RegistrationStatus.HEARD) {
                    rows.add(new FollowUpRow(meeting, row));
                }
            }
        }
        // Open means the request is still being worked on, with a referral or not: one a unit sent back has none,
        // and is exactly the kind that needs the committee.
        rows.sort(Comparator.<FollowUpRow>comparingInt(r -> r.row().request().map(CitizenRequest::isOpen)
                        .orElse(false) ? 0 : 1)
                .thenComparing(r -> r.row().lateness().map(l -> -l.ordinal()).orElse(0))
                .thenComparing(r -> r.row().daysLeft().orElse(0L))
                .thenComparing(r -> r.meeting().at(), Comparator.reverseOrder())
                .thenComparing(r -> r.row().registration().id()));
        return rows;
    }

    private Registration change(long meetingId, long registrationId,
                                java.util.function.UnaryOperator<Registration> change) {
        existing(meetingId);
        if (meetings.registration(registrationId).filter(r -> r.meetingId() == meetingId).isEmpty()) {
            throw new InvalidRequestException("registration", "no registration " + registrationId + " for meeting "
                    + meetingId);
        }
        return meetings.update(registrationId, change);
    }

    /** The committees' decisions are made before the meeting hears it; a decided one is changed no more. */
    private static void undecided(Registration current) {
        if (current.status() != RegistrationStatus.REGISTERED && current.status() != RegistrationStatus.ROUTED) {
            throw new MeetingRefused("already-decided", "this registration is " + current.status());
        }
    }

    private Meeting existing(long meetingId) {
        return meetings.meeting(meetingId).orElseThrow(() -> new MeetingNotFound(meetingId));
    }

    private void knownDistrict(int district) {
        if (!desk.districts().containsKey(district)) {
            throw new InvalidRequestException("district", "no district " + district);
        }
    }

    private static String text(String field, String value) {
        String words = value == null ? "" : RequestDesk.readable(value).strip();
        if (words.isEmpty()) {
            throw new InvalidRequestException(field, "is empty");
        }
        int most = field.equals("instruction") ? RequestDesk.MAX_DESCRIPTION_LENGTH : MAX_TEXT;
        if (words.length() > most) {
            throw new InvalidRequestException(field, "is longer than " + most + " characters");
        }
        return words;
    }

    /** No meeting has that id (404). */
    public static final class MeetingNotFound extends RuntimeException {
        public MeetingNotFound(long id) {
            super("no meeting " + id, null, false, false);
        }
    }
}
