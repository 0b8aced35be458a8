package ir.hotline137.console.shift;

import ir.hotline137.calls.CallLog;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.switchboard.AwayReason;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * "My shift": what an agent did today (in the city's zone), from their presence marks, the call log and their
 * wrap-ups; and the wrap-up itself, which only the agent who took the call may give.
 */
@RestController
@RequestMapping("/api/me")
public class ShiftApi {
    /** How long after taking a call its agent may still give or correct its wrap-up. */
    static final Duration WRAP_UP_WINDOW = Duration.ofHours(24);

    private final Shifts shifts;
    private final ShiftLog shiftLog;
    private final CallLog calls;
    private final Clock clock;

    public ShiftApi(Shifts shifts, ShiftLog shiftLog, CallLog calls, Clock clock) {
        this.shifts = shifts;
        this.shiftLog = shiftLog;
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * One call the agent took today.
     *
     * @param talkSeconds  from accepting to hanging up (the phone ringing included), or until now while on it
     * @param answered     false when the agent's phone did not answer and the caller went back to the queue
     * @param callerNumber null when withheld or not yet in the call log
     * @param request      the tracking code the call registered, joined or heard, if any
     * @param wrapUp       the agent's outcome, null until given
     */
    public record ShiftCall(String callId, Instant acceptedAt, long talkSeconds, boolean answered, boolean ongoing,
                            String callerNumber, String request, WrapUpCode wrapUp, String wrapUpNote) {
    }

    /**
     * @param firstSeen    the first time today the agent was on duty; null when not yet
     * @param awaySeconds  time away today by reason
     * @param wrapUps      calls by the outcome given
     * @param notWrappedUp answered calls that have no outcome yet
     */
    public record ShiftView(LocalDate day, Instant firstSeen, long availableSeconds, long busySeconds,
                            Map<AwayReason, Long> awaySeconds, List<ShiftCall> calls, Map<WrapUpCode, Long> wrapUps,
                            long notWrappedUp) {
    }

    /** @param outcome one of {@link WrapUpCode} */
    public record WrapUpBody(String callId, String outcome, String note) {
    }

    @GetMapping("/shift")
    public Mono<ShiftView> shift(Principal principal) {
        return Mono.fromCallable(() -> shiftOf(principal.getName())).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/wrap-ups")
    public Mono<WrapUp> wrapUp(@RequestBody WrapUpBody body, Principal principal) {
        if (body == null) {
            throw new ApiProblem.BadField("body", "is required: {callId, outcome, note}");
        }
        String callId = required(body.callId(), "callId");
        WrapUpCode code = code(body.outcome());
        String note = body.note() == null ? "" : RequestDesk.readable(body.note()).strip();
        if (note.length() > WrapUp.MAX_NOTE_LENGTH) {
            throw new ApiProblem.BadField("note", "is longer than " + WrapUp.MAX_NOTE_LENGTH + " characters");
        }
        String me = principal.getName();
        return Mono.fromCallable(() -> {
            shiftLog.flush();
            Instant now = clock.instant();
            if (!answeredBy(me, callId, now)) {
                throw new ApiProblem.NotFound("callId", "you answered no call " + callId + " in the last 24 hours");
            }
            WrapUp wrapUp = new WrapUp(callId, me, code, note, now);
            shifts.wrapUp(wrapUp);
            return wrapUp;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Whether the agent took the call and their phone answered it (a call that went back to the queue is not theirs). */
    private boolean answeredBy(String me, String callId, Instant now) {
        List<PresenceMark> marks = shifts.marks(me, now.minus(WRAP_UP_WINDOW));
        for (int i = 0; i < marks.size(); i++) {
            if (marks.get(i).call().filter(callId::equals).isPresent()) {
                PresenceMark next = i + 1 < marks.size() ? marks.get(i + 1) : null;
                if (next == null || next.reason().filter(r -> r == AwayReason.NO_ANSWER).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private ShiftView shiftOf(String me) {
        shiftLog.flush();
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant midnight = today.atStartOfDay(zone).toInstant();
        List<PresenceMark> marks = shifts.marks(me, midnight);
        Map<String, CallRecord> logged = calls.between(midnight, now.plusSeconds(1)).stream()
                .filter(call -> call.agent().filter(me::equals).isPresent())
                .collect(Collectors.toMap(CallRecord::callId, Function.identity(), (first, again) -> again));

        Instant firstSeen = null;
        long available = 0;
        long busy = 0;
        Map<AwayReason, Long> away = new EnumMap<>(AwayReason.class);
        List<ShiftCall> taken = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            PresenceMark mark = marks.get(i);
            PresenceMark next = i + 1 < marks.size() ? marks.get(i + 1) : null;
            Instant from = mark.at().isBefore(midnight) ? midnight : mark.at();
            Instant to = next == null ? now : next.at();
            long seconds = Math.max(0, Duration.between(from, to).toSeconds());
            if (mark.presence().isEmpty()) {
                continue;
            }
            if (firstSeen == null) {
                firstSeen = from;
            }
            switch (mark.presence().get()) {
                case AVAILABLE -> available += seconds;
                case AWAY -> away.merge(mark.reason().orElse(AwayReason.OTHER), seconds, Long::sum);
                case BUSY -> {
                    busy += seconds;
                    if (mark.call().isPresent()) {
                        taken.add(callOf(me, mark, next, seconds, logged));
                    }
                }
            }
        }
        Map<WrapUpCode, Long> byCode = new EnumMap<>(WrapUpCode.class);
        long notWrappedUp = 0;
        for (ShiftCall call : taken) {
            if (call.wrapUp() != null) {
                byCode.merge(call.wrapUp(), 1L, Long::sum);
            } else if (call.answered() && !call.ongoing()) {
                notWrappedUp++;
            }
        }
        return new ShiftView(today, firstSeen, available, busy, away, List.copyOf(taken), byCode, notWrappedUp);
    }

    private ShiftCall callOf(String me, PresenceMark busy, PresenceMark next, long seconds,
                             Map<String, CallRecord> logged) {
        String callId = busy.call().orElseThrow();
        // The switchboard sets an agent away for NO_ANSWER exactly when their phone did not take the call.
        boolean answered = next == null || next.reason().filter(r -> r == AwayReason.NO_ANSWER).isEmpty();
        boolean ongoing = next == null;
        CallRecord record = logged.get(callId);
        WrapUp wrapUp = answered ? shifts.wrapUpOf(me, callId).orElse(null) : null;
        return new ShiftCall(callId, busy.at(), seconds, answered, ongoing,
                record == null ? null : record.caller().map(CallerNumber::digits).orElse(null),
                record == null ? null : record.request().map(TrackingCode::value).orElse(null),
                wrapUp == null ? null : wrapUp.code(), wrapUp == null ? null : wrapUp.note());
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ApiProblem.BadField(field, "is required");
        }
        return value.strip();
    }

    private static WrapUpCode code(String name) {
        String given = required(name, "outcome");
        try {
            return WrapUpCode.valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notOne) {
            throw new ApiProblem.BadField("outcome", "'" + given + "' is not one of " + List.of(WrapUpCode.values()));
        }
    }
}
