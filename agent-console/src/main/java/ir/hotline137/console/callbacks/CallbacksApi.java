package ir.hotline137.console.callbacks;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.outbound.callback.Callback;
import ir.hotline137.outbound.callback.CallbackDesk;
import ir.hotline137.outbound.callback.CallbackOutcome;
import ir.hotline137.requests.District;
import ir.hotline137.requests.RequestDesk;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callback queue, for agents and supervisors: those to be called back in their place (the time they first
 * waited), and those dealt with in the last day. "Call now" rings the agent's own phone first, then the citizen's;
 * without a manager interface the agent calls from their phone and records how it went.
 */
@RestController
@RequestMapping("/api/callbacks")
public class CallbacksApi {
    private static final Duration RECENT = Duration.ofDays(1);

    private final CallbackDesk callbacks;
    private final ConsoleUsers users;
    private final RequestDesk desk;
    private final Clock clock;

    public CallbacksApi(CallbackDesk callbacks, ConsoleUsers users, RequestDesk desk, Clock clock) {
        this.callbacks = callbacks;
        this.users = users;
        this.desk = desk;
        this.clock = clock;
    }

    /** @param recent ended in the last day, latest first */
    public record Queue(List<CallbackView> open, List<CallbackView> recent) {
    }

    @GetMapping
    public Queue queue() {
        Instant now = clock.instant();
        List<CallbackView> open = new ArrayList<>();
        int place = 0;
        for (Callback callback : callbacks.open()) {
            open.add(view(callback, ++place, now));
        }
        return new Queue(open, callbacks.endedSince(RECENT).stream().map(c -> view(c, 0, now)).toList());
    }

    @PostMapping("/{id}/call")
    public CallbackView callNow(@PathVariable String id, Principal agent) {
        long callback = id(id);
        Optional<String> phone = users.find(agent.getName()).flatMap(ConsoleUser::dialString);
        return switch (callbacks.callNow(callback, agent.getName(), phone)) {
            case CallbackDesk.CallNow.Ringing ringing -> view(ringing.callback(), 0, clock.instant());
            case CallbackDesk.CallNow.NoPhone none -> throw new ApiProblem.Conflict("callback", "no-phone",
                    "you have no phone (dial string) set: ask a supervisor to set it on the People screen");
            case CallbackDesk.CallNow.NoExchange none -> throw new ApiProblem.Conflict("callback", "no-exchange",
                    "no manager interface is set (hotline.ami.host): call from your own phone and record the outcome");
            case CallbackDesk.CallNow.NotWaiting taken -> throw notWaiting(callback, taken.callback());
        };
    }

    /** How a callback made from the agent's own phone went. */
    public record Outcome(String outcome) {
    }

    @PostMapping("/{id}/outcome")
    public CallbackView recordOutcome(@PathVariable String id, @RequestBody Outcome body, Principal agent) {
        long callback = id(id);
        CallbackOutcome outcome = outcome(body == null ? null : body.outcome());
        Optional<Callback> ended = callbacks.recordByHand(callback, agent.getName(), outcome);
        return ended.map(c -> view(c, 0, clock.instant()))
                .orElseThrow(() -> notWaiting(callback, callbacks.find(callback)));
    }

    /** The citizen called in again, or it was dealt with otherwise: no call back is needed any more. */
    @PostMapping("/{id}/close")
    public CallbackView close(@PathVariable String id, Principal agent) {
        long callback = id(id);
        return callbacks.close(callback, agent.getName()).map(c -> view(c, 0, clock.instant()))
                .orElseThrow(() -> notWaiting(callback, callbacks.find(callback)));
    }

    private ApiProblem notWaiting(long id, Optional<Callback> now) {
        if (now.isEmpty()) {
            return new ApiProblem.NotFound("callback", "no callback " + id);
        }
        return new ApiProblem.Conflict("callback", "callback-taken", "this callback is " + now.get().status()
                + " now", now.get().callingBy().orElse(null));
    }

    private static CallbackOutcome outcome(String name) {
        if (name == null || name.isBlank()) {
            throw new ApiProblem.BadField("outcome", "is required: ANSWERED, BUSY, NO_ANSWER or FAILED");
        }
        try {
            CallbackOutcome outcome = CallbackOutcome.valueOf(name.strip().toUpperCase(Locale.ROOT));
            if (outcome == CallbackOutcome.ANSWERED || outcome.isCitizens()) {
                return outcome;
            }
        } catch (IllegalArgumentException notOne) {
            // named below
        }
        throw new ApiProblem.BadField("outcome", "'" + name + "' is not ANSWERED, BUSY, NO_ANSWER or FAILED");
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw new ApiProblem.NotFound("callback", "no callback " + text);
        }
    }

    private CallbackView view(Callback callback, int place, Instant now) {
        String districtName = callback.district().map(d -> desk.districts().get(d)).map(District::name).orElse(null);
        return CallbackView.of(callback, place, districtName, now);
    }
}
