package ir.hotline137.mayor.report;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.District;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.mayor.MayorSettings;
import ir.hotline137.mayor.log.Directive;
import ir.hotline137.mayor.log.MayorSessionLog;
import ir.hotline137.mayor.log.SessionCaller;
import ir.hotline137.mayor.log.SessionRecord;
import ir.hotline137.mayor.line.ScreeningState;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds a session's report from the session log, with each directive's request as it stands today. */
public final class SessionReports {
    private static final Set<RequestStatus> DONE = EnumSet.of(RequestStatus.RESOLVED, RequestStatus.REJECTED,
            RequestStatus.CLOSED, RequestStatus.DUPLICATE);

    private final MayorSessionLog sessions;
    private final RequestDesk desk;
    private final MayorSettings settings;
    private final Clock clock;

    public SessionReports(MayorSessionLog sessions, RequestDesk desk, MayorSettings settings, Clock clock) {
        this.sessions = sessions;
        this.desk = desk;
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<SessionReport> report(String sessionId) {
        return sessions.session(sessionId).map(this::report);
    }

    private SessionReport report(SessionRecord session) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone());
        Map<String, List<SessionReport.Directive>> directives = sessions.directives(session.id()).stream()
                .collect(Collectors.groupingBy(Directive::callId,
                        Collectors.mapping(d -> directive(d, today), Collectors.toList())));
        List<SessionReport.Caller> callers = sessions.callers(session.id()).stream()
                .map(c -> caller(c, directives.getOrDefault(c.callId(), List.of())))
                .toList();
        return new SessionReport(session.id(), session.title(), session.openedAt(), session.plannedEnd(),
                session.openedBy(), session.closedAt().orElse(null), session.closedBy().orElse(null),
                counts(callers), callers);
    }

    private SessionReport.Caller caller(SessionCaller caller, List<SessionReport.Directive> directives) {
        Long talked = caller.onAirAt().flatMap(on -> caller.endedAt().map(end -> Duration.between(on, end)))
                .filter(d -> !d.isNegative()).map(Duration::toSeconds).orElse(null);
        return new SessionReport.Caller(caller.callId(), caller.callerNumber().orElse(null),
                caller.district().orElse(null),
                caller.district().map(d -> desk.districts().get(d)).map(District::name).orElse(null),
                caller.topic().orElse(null), caller.state().name(), caller.joinedAt(), caller.waited().toSeconds(),
                caller.decidedBy().orElse(null), caller.onAirAt().orElse(null), caller.endedAt().orElse(null), talked,
                caller.mayor().orElse(null), caller.conversationRecording().isPresent(), caller.notes(), directives);
    }

    private SessionReport.Directive directive(Directive given, LocalDate today) {
        Optional<CitizenRequest> request = desk.find(given.request());
        Optional<Referral> referral = request.flatMap(CitizenRequest::referral);
        boolean open = request.map(r -> !DONE.contains(r.status())).orElse(false);
        return new SessionReport.Directive(given.request().value(), referral.map(Referral::unit).orElse(null),
                referral.map(Referral::assignee).orElse(null), referral.map(Referral::deadline).orElse(null),
                open && referral.map(r -> r.isOverdue(today)).orElse(false),
                request.map(CitizenRequest::description).orElse(null),
                request.map(r -> r.status().name()).orElse(null), given.by(), given.at());
    }

    private static SessionReport.Counts counts(List<SessionReport.Caller> callers) {
        Map<String, Long> byOutcome = callers.stream()
                .collect(Collectors.groupingBy(SessionReport.Caller::outcome, Collectors.counting()));
        int waiting = (int) callers.stream().filter(c -> ScreeningState.valueOf(c.outcome()).isWaiting()).count();
        return new SessionReport.Counts(callers.size(), count(byOutcome, ScreeningState.TALKED),
                count(byOutcome, ScreeningState.REJECTED), count(byOutcome, ScreeningState.ABANDONED),
                count(byOutcome, ScreeningState.SESSION_CLOSED), waiting,
                callers.stream().mapToInt(c -> c.directives().size()).sum());
    }

    private static int count(Map<String, Long> byOutcome, ScreeningState state) {
        return byOutcome.getOrDefault(state.name(), 0L).intValue();
    }
}
