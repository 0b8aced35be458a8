package ir.hotline137.console.mayor;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.mayor.Directive;
import ir.hotline137.requests.mayor.MayorSessionLog;
import ir.hotline137.requests.mayor.SessionCaller;
import ir.hotline137.requests.mayor.SessionRecord;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.mayor.MayorLine;
import ir.hotline137.switchboard.mayor.ScreeningState;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the mayor's directive into a tracked request: registered with source MAYOR_SESSION, linked to the
 * recording of the conversation, referred at once to the unit the mayor named with its deadline, and noted
 * in the session's log for the report.
 *
 * <p>Everything the body says is checked before anything is written, so a refused directive leaves no
 * half-made request behind.
 */
public final class DirectiveDesk {
    /** A directive follows a conversation: during it, or after it. */
    private static final Set<String> HEARD = Set.of(ScreeningState.ON_AIR.name(), ScreeningState.TALKED.name());

    private final MayorLine line;
    private final MayorSessionLog sessions;
    private final RequestDesk desk;
    private final MayorBoard board;
    private final MayorSettings settings;
    private final Clock clock;

    public DirectiveDesk(MayorLine line, MayorSessionLog sessions, RequestDesk desk, MayorBoard board,
                         MayorSettings settings, Clock clock) {
        this.line = line;
        this.sessions = sessions;
        this.desk = desk;
        this.board = board;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a directive became. */
    public record Given(String code, String sessionId, String callId, String unit, String assignee,
                        LocalDate deadline, String text, String status) {
    }

    public Given give(String callId, MayorBodies.Directive body, String by) {
        if (body == null) {
            throw new ApiProblem.BadField("body", "is missing");
        }
        String text = required(body.text(), "text");
        if (text.length() > RequestDesk.MAX_DESCRIPTION_LENGTH) {
            throw new ApiProblem.BadField("text", "is longer than " + RequestDesk.MAX_DESCRIPTION_LENGTH + " characters");
        }
        String unit = required(body.unit(), "unit");
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone());
        LocalDate deadline = deadline(body.deadline(), today);
        SessionCaller caller = heardCaller(callId);
        int district = Optional.ofNullable(body.district()).or(caller::district).orElseThrow(() ->
                new ApiProblem.BadField("district", "is missing and the caller gave none"));
        SessionRecord session = sessions.session(caller.sessionId()).orElseThrow();
        String note = "directive of the mayor in «" + session.title() + "»"
                + caller.topic().map(t -> "; the caller's topic: «" + t + "»").orElse("");
        // The request, its referral and the log's line are one commit: a crash never leaves a directive's
        // request unreferred or missing from the session's report.
        Given given = desk.together(() -> {
            CitizenRequest registered = desk.register(new NewRequest(caller.callerNumber(), district,
                    Optional.ofNullable(body.category()).filter(s -> !s.isBlank()), text, RequestSource.MAYOR_SESSION,
                    caller.conversationRecording().or(caller::topicRecording), by, Optional.of(note)));
            CitizenRequest referred = desk.refer(registered.code(), Optional.of(unit),
                    Optional.ofNullable(body.assignee()).filter(s -> !s.isBlank()), Optional.of(deadline), by);
            sessions.add(new Directive(caller.sessionId(), callId, referred.code(), clock.instant(), by));
            return given(referred, caller);
        });
        board.changed();
        return given;
    }

    static Given given(CitizenRequest request, SessionCaller caller) {
        return new Given(request.code().value(), caller.sessionId(), caller.callId(),
                request.referral().map(r -> r.unit()).orElse(null),
                request.referral().map(r -> r.assignee()).orElse(null),
                request.referral().map(r -> r.deadline()).orElse(null), request.description(),
                request.status().name());
    }

    /**
     * The caller as last recorded, from the live line or, once the session has closed, from the log: a
     * directive may be written just after the programme ends.
     */
    private SessionCaller heardCaller(String callId) {
        if (callId == null || callId.isBlank()) {
            throw new ApiProblem.BadField("callId", "is blank");
        }
        Optional<SessionCaller> found = line.caller(new CallId(callId)).map(SessionRecorder::record);
        if (found.isEmpty()) {
            found = sessions.sessions().stream()
                    .flatMap(s -> sessions.caller(s.id(), callId).stream())
                    .findFirst();
        }
        SessionCaller caller = found.orElseThrow(() ->
                new ApiProblem.NotFound("callId", "no caller " + callId + " in any mayor session"));
        if (!HEARD.contains(caller.state())) {
            throw new ApiProblem.Conflict("callId", "the mayor has not talked to this caller (" + caller.state() + ")");
        }
        return caller;
    }

    private LocalDate deadline(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return today.plusDays(settings.directiveDays());
        }
        LocalDate deadline;
        try {
            deadline = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ApiProblem.BadField("deadline", "is not a date like 2026-12-21: " + raw);
        }
        if (deadline.isBefore(today)) {
            throw new ApiProblem.BadField("deadline", deadline + " is in the past");
        }
        return deadline;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ApiProblem.BadField(field, "is empty");
        }
        return value.strip();
    }
}
