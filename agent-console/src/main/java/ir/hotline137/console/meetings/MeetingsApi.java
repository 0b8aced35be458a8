package ir.hotline137.console.meetings;

import ir.hotline137.console.api.ApiError;
import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.mayor.MayorSettings;
import ir.hotline137.mayor.meeting.Meeting;
import ir.hotline137.mayor.meeting.MeetingDesk;
import ir.hotline137.mayor.meeting.MeetingKind;
import ir.hotline137.mayor.meeting.MeetingRefused;
import ir.hotline137.mayor.meeting.MeetingReportCsv;
import ir.hotline137.mayor.meeting.Registration;
import ir.hotline137.mayor.meeting.RegistrationSource;
import ir.hotline137.mayor.meeting.RegistrationStatus;
import ir.hotline137.requests.TrackingCode;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mayor's public meetings. Supervisors create meetings; the 137 centre's people and the city's app register
 * citizens; the committees (supervisors and moderators) link, answer, route and decline; at the meeting a moderator,
 * a supervisor or the mayor records each instruction; the report is for everyone on the staff. Who may do what is in
 * the console's security rules, by route.
 */
@RestController
@RequestMapping("/api/meetings")
public class MeetingsApi {
    private final MeetingDesk meetings;
    private final MayorSettings settings;
    private final Clock clock;

    public MeetingsApi(MeetingDesk meetings, MayorSettings settings, Clock clock) {
        this.meetings = meetings;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Times are ISO local date-times in the city's zone, e.g. {@code 2026-12-20T10:00}.
     *
     * @param slotsPerOfficial  how many citizens each official sees (the setting's when absent)
     * @param slots             officials who see another number, by name
     * @param minutesPerCitizen how long each citizen is given (the setting's when absent)
     */
    public record NewMeeting(String kind, String title, String date, String place, Integer district,
                             List<String> officials, Integer slotsPerOfficial, Map<String, Integer> slots,
                             Integer minutesPerCitizen, String registrationOpens, String registrationCloses) {
    }

    @PostMapping
    public ResponseEntity<MeetingViews.MeetingView> create(@RequestBody NewMeeting body, Principal by) {
        if (body == null) {
            throw new ApiProblem.BadField("body", "is required");
        }
        MeetingDesk.MeetingDraft draft = new MeetingDesk.MeetingDraft(kind(body.kind()), body.title(),
                dateTime("date", body.date()), body.place(), Optional.ofNullable(body.district()),
                body.officials() == null ? List.of() : body.officials(),
                body.slots() == null ? Map.of() : body.slots(), Optional.ofNullable(body.slotsPerOfficial()),
                Optional.ofNullable(body.minutesPerCitizen()).map(Duration::ofMinutes),
                dateTime("registrationOpens", body.registrationOpens()),
                dateTime("registrationCloses", body.registrationCloses()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(meetings.create(draft, by.getName())));
    }

    @GetMapping
    public List<MeetingViews.MeetingView> list() {
        return meetings.meetings().stream().map(this::view).toList();
    }

    /** The follow-up committee's list: every matter heard at any meeting, the open and latest first. */
    @GetMapping("/follow-up")
    public List<MeetingViews.FollowUpRow> followUp() {
        return meetings.followUp().stream().map(r -> new MeetingViews.FollowUpRow(r.meeting().id(),
                r.meeting().title(), r.meeting().kind().name(), r.meeting().at(),
                MeetingViews.ReportRow.of(r.row(), meetings.expectedAt(r.row().registration().id())))).toList();
    }

    @GetMapping("/{id}")
    public MeetingViews.MeetingView meeting(@PathVariable String id) {
        return meetings.meeting(number(id)).map(this::view)
                .orElseThrow(() -> new ApiProblem.NotFound("meeting", "no meeting " + id));
    }

    private MeetingViews.MeetingView view(Meeting meeting) {
        return MeetingViews.MeetingView.of(meeting, meetings.placesTaken(meeting.id()), now());
    }

    /** @param source AGENT (the default), VENUE (137 staff on the day) or API (the city's app) */
    public record NewRegistration(String callerNumber, Integer district, String matter, String source) {
    }

    @PostMapping("/{id}/registrations")
    public ResponseEntity<MeetingViews.RegistrationView> register(@PathVariable String id,
                                                                  @RequestBody NewRegistration body, Principal by) {
        if (body == null || body.district() == null) {
            throw new ApiProblem.BadField("district", "is required");
        }
        Registration registered = refusals(() -> meetings.register(number(id), Optional.ofNullable(body.callerNumber()),
                body.district(), body.matter(), source(body.source()), by.getName()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(MeetingViews.RegistrationView.of(registered, Optional.empty(), meetings.requestsOf(registered)));
    }

    @GetMapping("/{id}/registrations")
    public List<MeetingViews.RegistrationView> registrations(@PathVariable String id) {
        return refusals(() -> meetings.registrations(number(id))).stream()
                .map(r -> MeetingViews.RegistrationView.of(r, meetings.expectedAt(r.id()),
                        r.status() == RegistrationStatus.REGISTERED ? meetings.requestsOf(r) : List.of()))
                .toList();
    }

    public record Route(String official) {
    }

    @PostMapping("/{id}/registrations/{rid}/route")
    public MeetingViews.RegistrationView route(@PathVariable String id, @PathVariable String rid,
                                               @RequestBody Route body, Principal by) {
        return view(refusals(() -> meetings.route(number(id), number(rid), body == null ? null : body.official(),
                by.getName())));
    }

    public record Reason(String reason) {
    }

    @PostMapping("/{id}/registrations/{rid}/decline")
    public MeetingViews.RegistrationView decline(@PathVariable String id, @PathVariable String rid,
                                                 @RequestBody Reason body, Principal by) {
        return view(refusals(() -> meetings.decline(number(id), number(rid), body == null ? null : body.reason(),
                by.getName())));
    }

    @PostMapping("/{id}/registrations/{rid}/answer")
    public MeetingViews.RegistrationView answer(@PathVariable String id, @PathVariable String rid,
                                                @RequestBody Reason body, Principal by) {
        return view(refusals(() -> meetings.answer(number(id), number(rid), body == null ? null : body.reason(),
                by.getName())));
    }

    public record Link(String code) {
    }

    @PostMapping("/{id}/registrations/{rid}/link")
    public MeetingViews.RegistrationView link(@PathVariable String id, @PathVariable String rid,
                                              @RequestBody Link body, Principal by) {
        String code = body == null || body.code() == null ? "" : body.code().strip();
        if (!TrackingCode.isValid(code)) {
            throw new ApiProblem.BadField("code", "is not a tracking code: " + code);
        }
        return view(refusals(() -> meetings.link(number(id), number(rid), TrackingCode.parse(code), by.getName())));
    }

    /** The instruction (paraph) given at the meeting; the deadline is YYYY-MM-DD, the kind's time when empty. */
    public record Instruction(String unit, String instruction, String deadline) {
    }

    @PostMapping("/{id}/registrations/{rid}/instruction")
    public MeetingViews.RegistrationView hear(@PathVariable String id, @PathVariable String rid,
                                              @RequestBody Instruction body, Principal by) {
        if (body == null) {
            throw new ApiProblem.BadField("instruction", "is required");
        }
        Optional<LocalDate> deadline;
        try {
            deadline = Optional.ofNullable(body.deadline()).filter(d -> !d.isBlank()).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new ApiProblem.BadField("deadline", "is not a date like 2027-01-20: " + body.deadline());
        }
        return view(refusals(() -> meetings.hear(number(id), number(rid), body.unit(), body.instruction(), deadline,
                by.getName())));
    }

    @GetMapping("/{id}/report")
    public ResponseEntity<?> report(@PathVariable String id, @RequestParam(required = false) String format) {
        long meetingId = number(id);
        List<MeetingDesk.ReportRow> rows = refusals(() -> meetings.report(meetingId));
        if ("csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"meeting-" + meetingId + ".csv\"")
                    .body(new MeetingReportCsv(settings.zone()).write(rows));
        }
        List<MeetingViews.ReportRow> shown = rows.stream()
                .map(r -> MeetingViews.ReportRow.of(r, meetings.expectedAt(r.registration().id()))).toList();
        int heard = count(rows, RegistrationStatus.HEARD);
        int answered = (int) rows.stream().filter(r -> r.registration().status() == RegistrationStatus.HEARD
                && r.request().map(q -> !q.isOpen()).orElse(false)).count();
        return ResponseEntity.ok(new MeetingViews.Report(meeting(id), rows.size(), count(rows, RegistrationStatus.ROUTED),
                count(rows, RegistrationStatus.DECLINED), count(rows, RegistrationStatus.ANSWERED), heard, answered,
                heard - answered, shown));
    }

    @ExceptionHandler(MeetingRefused.class)
    ResponseEntity<ApiError> refused(MeetingRefused e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new ApiError("meeting", e.getMessage(), e.code(), null));
    }

    private static int count(List<MeetingDesk.ReportRow> rows, RegistrationStatus status) {
        return (int) rows.stream().filter(r -> r.registration().status() == status).count();
    }

    private MeetingViews.RegistrationView view(Registration registration) {
        return MeetingViews.RegistrationView.of(registration, meetings.expectedAt(registration.id()), List.of());
    }

    /** A meeting that does not exist is 404, whatever was asked of it. */
    private static <T> T refusals(Supplier<T> work) {
        try {
            return work.get();
        } catch (MeetingDesk.MeetingNotFound missing) {
            throw new ApiProblem.NotFound("meeting", missing.getMessage());
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), settings.zone());
    }

    private static MeetingKind kind(String name) {
        if (name == null || name.isBlank()) {
            throw new ApiProblem.BadField("kind", "is required: PUBLIC_MEETING, PEOPLES_WEDNESDAY or MARDOM_SALAM");
        }
        try {
            return MeetingKind.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem.BadField("kind", "'" + name + "' is not PUBLIC_MEETING, PEOPLES_WEDNESDAY or MARDOM_SALAM");
        }
    }

    private static RegistrationSource source(String name) {
        if (name == null || name.isBlank()) {
            return RegistrationSource.AGENT;
        }
        try {
            RegistrationSource source = RegistrationSource.valueOf(name.strip().toUpperCase(Locale.ROOT));
            if (source != RegistrationSource.IVR) {
                return source;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw new ApiProblem.BadField("source", "'" + name + "' is not AGENT, VENUE or API");
    }

    private static LocalDateTime dateTime(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ApiProblem.BadField(field, "is not a date and time like 2026-12-20T10:00: " + text);
        }
    }

    private static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ApiProblem.NotFound("meeting", "no such id: " + id);
        }
    }
}
