package ir.hotline137.mayor.directive;

import ir.hotline137.mayor.MayorSettings;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.line.ScreeningState;
import ir.hotline137.mayor.log.Directive;
import ir.hotline137.mayor.log.MayorSessionLog;
import ir.hotline137.mayor.log.SessionCaller;
import ir.hotline137.mayor.log.SessionRecord;
import ir.hotline137.mayor.log.SessionRecorder;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.switchboard.CallId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where a mayor's directive is made: the draft becomes a tracked request, registered with source
 * MAYOR_SESSION, linked to the recording of the conversation, referred at once to the unit the mayor named
 * with its deadline, and noted in the session's log for the report.
 *
 * <p>Everything the draft says is checked before anything is written, so a refused directive leaves no
 * half-made request behind.
 */
public final class Directives {
    private final MayorLine line;
    private final MayorSessionLog sessions;
    private final RequestDesk desk;
    private final MayorSettings settings;
    private final Clock clock;

    public Directives(MayorLine line, MayorSessionLog sessions, RequestDesk desk, MayorSettings settings,
                      Clock clock) {
        this.line = line;
        this.sessions = sessions;
        this.desk = desk;
        this.settings = settings;
        this.clock = clock;
    }

    public DirectiveOutcome give(DirectiveDraft draft, String by) {
        if (draft.callId() == null || draft.callId().isBlank()) {
            return new DirectiveOutcome.Invalid("callId", "is blank");
        }
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty()) {
            return new DirectiveOutcome.Invalid("text", "is empty");
        }
        if (text.length() > RequestDesk.MAX_DESCRIPTION_LENGTH) {
            return new DirectiveOutcome.Invalid("text", "is longer than " + RequestDesk.MAX_DESCRIPTION_LENGTH
                    + " characters");
        }
        String unit = draft.unit() == null ? "" : draft.unit().strip();
        if (unit.isEmpty()) {
            return new DirectiveOutcome.Invalid("unit", "is empty");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone());
        Optional<String> typed = draft.deadline().map(String::strip).filter(d -> !d.isEmpty());
        LocalDate deadline;
        try {
            deadline = typed.map(LocalDate::parse).orElse(today.plusDays(settings.directiveDays()));
        } catch (DateTimeParseException e) {
            return new DirectiveOutcome.Invalid("deadline", "is not a date like 2026-12-21: " + typed.get());
        }
        if (deadline.isBefore(today)) {
            return new DirectiveOutcome.Invalid("deadline", deadline + " is in the past");
        }
        Optional<SessionCaller> found = caller(draft.callId());
        if (found.isEmpty()) {
            return new DirectiveOutcome.NoSuchCaller(draft.callId());
        }
        SessionCaller caller = found.get();
        // A directive follows a conversation: during it, or after it.
        if (caller.state() != ScreeningState.ON_AIR && caller.state() != ScreeningState.TALKED) {
            return new DirectiveOutcome.NotHeard(draft.callId(), caller.state());
        }
        Optional<Integer> district = draft.district().or(caller::district);
        if (district.isEmpty()) {
            return new DirectiveOutcome.Invalid("district", "is missing and the caller gave none");
        }
        SessionRecord session = sessions.session(caller.sessionId()).orElseThrow();
        String note = "دستور شهردار در برنامهٔ «" + session.title() + "»"
                + caller.topic().map(t -> "؛ موضوع تماس‌گیرنده: «" + t + "»").orElse("");
        // The request, its referral and the log's line are one commit: a crash never leaves a directive's
        // request unreferred or missing from the session's report.
        return desk.together(() -> {
            CitizenRequest registered = desk.register(new NewRequest(caller.callerNumber(), district.get(),
                    draft.category().filter(s -> !s.isBlank()), text, RequestSource.MAYOR_SESSION,
                    caller.conversationRecording().or(caller::topicRecording), by, Optional.of(note)));
            CitizenRequest referred = desk.refer(registered.code(), Optional.of(unit),
                    draft.assignee().filter(s -> !s.isBlank()), Optional.of(deadline), by);
            sessions.add(new Directive(caller.sessionId(), caller.callId(), referred.code(), clock.instant(), by));
            return given(referred, caller);
        });
    }

    /**
     * The caller as last recorded: from the live line, or, once the session has closed, from the log (a
     * directive may be written just after the programme ends).
     */
    private Optional<SessionCaller> caller(String callId) {
        return line.caller(new CallId(callId)).map(SessionRecorder::record).or(() -> sessions.caller(callId));
    }

    private static DirectiveOutcome.Given given(CitizenRequest request, SessionCaller caller) {
        Optional<Referral> referral = request.referral();
        return new DirectiveOutcome.Given(request.code().value(), caller.sessionId(), caller.callId(),
                referral.map(Referral::unit).orElse(null), referral.map(Referral::assignee).orElse(null),
                referral.map(Referral::deadline).orElse(null), request.description(), request.status().name());
    }
}
