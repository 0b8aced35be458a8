package ir.hotline137.console.mayor;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.mayor.MayorSettings;
import ir.hotline137.mayor.directive.DirectiveDraft;
import ir.hotline137.mayor.directive.DirectiveOutcome;
import ir.hotline137.mayor.directive.Directives;
import ir.hotline137.mayor.file.CallerFile;
import ir.hotline137.mayor.file.CallerFiles;
import ir.hotline137.mayor.file.CallerFlag;
import ir.hotline137.mayor.line.MayorCallerView;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.line.MayorSession;
import ir.hotline137.mayor.line.NextCaller;
import ir.hotline137.mayor.line.ScreeningOutcome;
import ir.hotline137.mayor.log.MayorSessionLog;
import ir.hotline137.mayor.log.SessionRecord;
import ir.hotline137.mayor.report.SessionReport;
import ir.hotline137.mayor.report.SessionReportCsv;
import ir.hotline137.mayor.report.SessionReports;
import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.switchboard.CallId;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Everything the moderator's and the mayor's screens do, as JSON: sessions (SUPERVISOR), screening
 * (MODERATOR), the next caller (MAYOR), directives and reports. Who may call what is in the security rules.
 *
 * <p>Changes to the line run off the event loop: the line tells its listeners on the changing thread, and the
 * report and the directives write to disk.
 */
@RestController
@RequestMapping("/api/mayor")
public class MayorApi {
    /** A programme with no announced end is given the usual slot. */
    static final Duration DEFAULT_LENGTH = Duration.ofHours(1);
    static final int MAX_TITLE = 200;
    static final int MAX_NOTE = 1_000;
    static final int MAX_REASON = 300;
    static final int MAX_MESSAGE = 300;

    private final MayorLine line;
    private final MayorBoard board;
    private final MayorSessionLog sessions;
    private final CallerFiles files;
    private final SessionReports reports;
    private final Directives directives;
    private final ConsoleUsers users;
    private final MayorSettings settings;
    private final Clock clock;

    public MayorApi(MayorLine line, MayorBoard board, MayorSessionLog sessions, CallerFiles files,
                    SessionReports reports, Directives directives, ConsoleUsers users, MayorSettings settings,
                    Clock clock) {
        this.line = line;
        this.board = board;
        this.sessions = sessions;
        this.files = files;
        this.reports = reports;
        this.directives = directives;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<LineState.SessionView> open(@RequestBody(required = false) MayorBodies.OpenSession body,
                                            Principal principal) {
        if (body == null || body.title() == null || body.title().isBlank()) {
            throw new ApiProblem.BadField("title", "is empty");
        }
        if (body.title().strip().length() > MAX_TITLE) {
            throw new ApiProblem.BadField("title", "is longer than " + MAX_TITLE + " characters");
        }
        Instant plannedEnd = plannedEnd(body.plannedEnd());
        return blocking(() -> {
            try {
                return LineState.SessionView.of(line.open(body.title(), plannedEnd, principal.getName()));
            } catch (IllegalStateException alreadyOpen) {
                throw new ApiProblem.Conflict("session", "session-open", alreadyOpen.getMessage());
            } catch (IllegalArgumentException notAfterNow) {
                throw new ApiProblem.BadField("plannedEnd", notAfterNow.getMessage());
            }
        });
    }

    /** What closing did: the session, and how many waiting callers were sent to the normal intake. */
    public record Closed(String id, Instant closedAt, int dismissed) {
    }

    @PostMapping("/sessions/{id}/close")
    public Mono<Closed> close(@PathVariable String id, Principal principal) {
        return blocking(() -> {
            Optional<MayorSession> open = line.current().filter(s -> s.id().equals(id));
            if (open.isEmpty()) {
                SessionRecord known = sessions.session(id).orElseThrow(() ->
                        new ApiProblem.NotFound("id", "no mayor session " + id));
                throw new ApiProblem.Conflict("id", "session-closed",
                        "session «" + known.title() + "» is already closed");
            }
            List<MayorCallerView> dismissed = line.close(id, principal.getName());
            // The time the line closed it at, as its report keeps it.
            Instant closedAt = sessions.session(id).flatMap(SessionRecord::closedAt).orElseGet(clock::instant);
            return new Closed(id, closedAt, dismissed.size());
        });
    }

    /** Every session, the latest first, for the reports. */
    @GetMapping("/sessions")
    public Mono<List<SessionRecord>> sessions() {
        return blocking(sessions::sessions);
    }

    @GetMapping("/queue")
    public Mono<LineState> queue() {
        return blocking(board::state);
    }

    @PostMapping("/queue/{callId}/approve")
    public Mono<LineCaller> approve(@PathVariable String callId, Principal principal) {
        return screen(callId, id -> line.approve(id, principal.getName()));
    }

    /** Turns a caller away; the reason, when given, is kept among their notes for the report. */
    @PostMapping("/queue/{callId}/reject")
    public Mono<LineCaller> reject(@PathVariable String callId,
                                   @RequestBody(required = false) MayorBodies.Reject body, Principal principal) {
        Optional<String> reason = Optional.ofNullable(body).map(MayorBodies.Reject::reason)
                .map(RequestDesk::readable).map(String::strip).filter(r -> !r.isEmpty());
        if (reason.isPresent() && reason.get().length() > MAX_REASON) {
            throw new ApiProblem.BadField("reason", "is longer than " + MAX_REASON + " characters");
        }
        return screen(callId, id -> line.reject(id, principal.getName(), reason));
    }

    /** The screened caller the mayor's next click takes; only a screened (approved) caller, else 409 not-now. */
    @PostMapping("/queue/{callId}/next")
    public Mono<LineCaller> designateNext(@PathVariable String callId) {
        return screen(callId, line::designateNext);
    }

    /** The number a caller whose own was withheld gave the moderator, to find their file and earlier requests. */
    @PostMapping("/queue/{callId}/number")
    public Mono<LineCaller> typedNumber(@PathVariable String callId,
                                        @RequestBody(required = false) MayorBodies.TypedNumber body) {
        CallId id = callId(callId);
        String digits = digits(body == null ? null : body.number());
        return blocking(() -> {
            LineCaller caller = lineCaller(id);
            if (caller.callerNumber() != null && !caller.numberTyped()) {
                throw new ApiProblem.Conflict("callId", "not-now", "the network gave this caller's number");
            }
            board.numberTyped(id, digits);
            return lineCaller(id);
        });
    }

    /** A number's caller file: flags and a note; an empty file when none was set. */
    @GetMapping("/callers/{number}/file")
    public Mono<CallerFile> file(@PathVariable String number) {
        String digits = digits(number);
        return blocking(() -> files.find(digits).orElse(new CallerFile(digits, Set.of(), "", "", clock.instant())));
    }

    /** Sets a number's flags and note, for this and every later call from it (MODERATOR, SUPERVISOR). */
    @PutMapping("/callers/{number}/file")
    public Mono<CallerFile> setFile(@PathVariable String number,
                                    @RequestBody(required = false) MayorBodies.CallerFileChange body,
                                    Principal principal) {
        String digits = digits(number);
        if (body == null) {
            throw new ApiProblem.BadField("flags", "is required (an empty list clears them)");
        }
        Set<CallerFlag> flags = EnumSet.noneOf(CallerFlag.class);
        for (String flag : body.flags() == null ? List.<String>of() : body.flags()) {
            try {
                flags.add(CallerFlag.valueOf(String.valueOf(flag).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new ApiProblem.BadField("flags", "'" + flag + "' is not WARNING, BLOCKED or OFFICIAL");
            }
        }
        String note = body.note() == null ? "" : RequestDesk.readable(body.note()).strip();
        if (note.length() > CallerFile.MAX_NOTE_LENGTH) {
            throw new ApiProblem.BadField("note", "is longer than " + CallerFile.MAX_NOTE_LENGTH + " characters");
        }
        CallerFile file = new CallerFile(digits, flags, note, principal.getName(), clock.instant());
        return blocking(() -> {
            files.put(file);
            board.fileWritten(digits);
            return file;
        });
    }

    /** A line to the other side of the programme: the screening room to the mayor, or back. */
    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<LineState.LineMessage> say(@RequestBody(required = false) MayorBodies.Message body,
                                           Principal principal) {
        String text = body == null || body.text() == null ? "" : RequestDesk.readable(body.text()).strip();
        if (text.isEmpty()) {
            throw new ApiProblem.BadField("text", "is empty");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new ApiProblem.BadField("text", "is longer than " + MAX_MESSAGE + " characters");
        }
        if (line.current().isEmpty()) {
            throw new ApiProblem.Conflict("session", "no-session", "no mayor session is open");
        }
        return blocking(() -> {
            try {
                return board.say(principal.getName(), text);
            } catch (IllegalStateException closedMeanwhile) {
                throw new ApiProblem.Conflict("session", "no-session", "no mayor session is open");
            }
        });
    }

    @PostMapping("/queue/{callId}/up")
    public Mono<LineCaller> moveUp(@PathVariable String callId) {
        return screen(callId, line::moveUp);
    }

    @PostMapping("/queue/{callId}/down")
    public Mono<LineCaller> moveDown(@PathVariable String callId) {
        return screen(callId, line::moveDown);
    }

    @PostMapping("/queue/{callId}/notes")
    public Mono<LineCaller> note(@PathVariable String callId, @RequestBody(required = false) MayorBodies.Note body,
                                 Principal principal) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw new ApiProblem.BadField("text", "is empty");
        }
        if (body.text().length() > MAX_NOTE) {
            throw new ApiProblem.BadField("text", "is longer than " + MAX_NOTE + " characters");
        }
        return screen(callId, id -> line.note(id, body.text(), principal.getName()));
    }

    /** The mayor takes the next approved caller: the IVR records the call and rings the mayor's phone. */
    @PostMapping("/next")
    public Mono<LineCaller> next(Principal principal) {
        ConsoleUser mayor = users.find(principal.getName()).orElseThrow();
        String phone = mayor.dialString().orElseThrow(() -> new ApiProblem.BadField("dialString",
                "you have no phone to take callers on: set your hotline.users[…].dial-string"));
        return blocking(() -> switch (line.next(mayor.username(), phone)) {
            case NextCaller.Bridged bridged -> lineCaller(bridged.caller().id());
            case NextCaller.NoneApproved none -> throw new ApiProblem.Conflict("queue", "none-approved",
                    "no approved caller is waiting");
            case NextCaller.NoSession none -> throw new ApiProblem.Conflict("session", "no-session",
                    "no mayor session is open");
            case NextCaller.StillOnAir onAir -> throw new ApiProblem.Conflict("queue", "still-on-air",
                    "still on air with caller " + onAir.caller().id().value());
        });
    }

    @PostMapping("/calls/{callId}/directive")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<DirectiveOutcome.Given> directive(@PathVariable String callId,
                                                  @RequestBody(required = false) MayorBodies.Directive body,
                                                  Principal principal) {
        if (body == null) {
            throw new ApiProblem.BadField("body", "is missing");
        }
        DirectiveDraft draft = new DirectiveDraft(callId, body.text(), body.unit(),
                Optional.ofNullable(body.assignee()), Optional.ofNullable(body.deadline()),
                Optional.ofNullable(body.district()),
                Optional.ofNullable(body.category()));
        return blocking(() -> switch (directives.give(draft, principal.getName())) {
            case DirectiveOutcome.Given given -> {
                board.changed();
                yield given;
            }
            case DirectiveOutcome.Invalid invalid -> throw new ApiProblem.BadField(invalid.field(), invalid.why());
            case DirectiveOutcome.NoSuchCaller missing -> throw new ApiProblem.NotFound("callId",
                    "no caller " + missing.callId() + " in any mayor session");
            case DirectiveOutcome.NotHeard notHeard -> throw new ApiProblem.Conflict("callId", "not-heard",
                    "the mayor has not talked to this caller (" + notHeard.state() + ")");
        });
    }


    /** The report as JSON, or with {@code format=csv} as a spreadsheet file. */
    @GetMapping("/sessions/{id}/report")
    public Mono<ResponseEntity<?>> report(@PathVariable String id,
                                          @RequestParam(name = "format", defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw new ApiProblem.BadField("format", "is json or csv, not " + format);
        }
        return blocking(() -> {
            SessionReport report = reports.report(id).orElseThrow(() ->
                    new ApiProblem.NotFound("id", "no mayor session " + id));
            if (format.equals("json")) {
                return ResponseEntity.ok(report);
            }
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("mayor-session-" + report.openedAt().atZone(settings.zone()).toLocalDate()
                                    + ".csv").build().toString())
                    .body(new SessionReportCsv(settings.zone()).write(report));
        });
    }

    private Mono<LineCaller> screen(String callId, Function<CallId, ScreeningOutcome> action) {
        CallId id = callId(callId);
        return blocking(() -> switch (action.apply(id)) {
            case ScreeningOutcome.Done done -> lineCaller(id);
            case ScreeningOutcome.NotInLine missing -> throw new ApiProblem.NotFound("callId",
                    "no caller " + callId + " on the mayor's line");
            case ScreeningOutcome.NotAllowed notAllowed -> throw new ApiProblem.Conflict("callId", "not-now",
                    "not while the caller is " + notAllowed.state());
        });
    }

    private LineCaller lineCaller(CallId id) {
        return board.caller(id).orElseThrow(() -> new ApiProblem.NotFound("callId", "no caller " + id.value() + " on the mayor's line"));
    }

    private Instant plannedEnd(String raw) {
        if (raw == null || raw.isBlank()) {
            return clock.instant().plus(DEFAULT_LENGTH);
        }
        String text = raw.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).atZone(settings.zone()).toInstant();
            } catch (DateTimeParseException e) {
                throw new ApiProblem.BadField("plannedEnd", "is not a time like 2026-11-25T14:00: " + raw);
            }
        }
    }

    private static String digits(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ApiProblem.BadField("number", "is required");
        }
        try {
            return CallerNumber.parse(raw).digits();
        } catch (InvalidRequestException notANumber) {
            throw new ApiProblem.BadField("number", notANumber.reason());
        }
    }

    private static CallId callId(String id) {
        if (id == null || id.isBlank()) {
            throw new ApiProblem.BadField("callId", "is blank");
        }
        return new CallId(id);
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
