package ir.hotline137.console.figures;

import ir.hotline137.calls.CallLog;
import ir.hotline137.figures.QueueToday;
import ir.hotline137.switchboard.AgentView;
import ir.hotline137.switchboard.AwayReason;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.Presence;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.WaitingCallView;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/wallboard}: the supervisor's wall, now: who is waiting and for how long, the agents by state,
 * and today at the queue (answered, abandoned, unanswered, service level). Supervisors only (security rules).
 */
@RestController
public class WallboardApi {
    private final Switchboard switchboard;
    private final CallLog calls;
    private final Clock clock;

    public WallboardApi(Switchboard switchboard, CallLog calls, Clock clock) {
        this.switchboard = switchboard;
        this.calls = calls;
        this.clock = clock;
    }

    /** One agent signed in: what they are doing and, on a call, which; away, why (null otherwise). */
    public record AgentNow(String username, Presence presence, String call, AwayReason awayReason) {
    }

    /**
     * @param waiting            callers waiting for a person now (taken calls not counted)
     * @param longestWaitSeconds the longest of their waits; 0 when nobody waits
     * @param agents             how many agents are in each state
     */
    public record Wallboard(int waiting, long longestWaitSeconds, Map<Presence, Long> agents, List<AgentNow> people,
                            QueueToday today) {
    }

    @GetMapping("/api/wallboard")
    public Mono<Wallboard> wallboard() {
        return Mono.fromCallable(this::now).subscribeOn(Schedulers.boundedElastic());
    }

    private Wallboard now() {
        List<WaitingCallView> waiting = switchboard.waitingCalls().stream()
                .filter(call -> call.assignedTo().isEmpty()).toList();
        long longest = waiting.stream().mapToLong(call -> call.waited().toSeconds()).max().orElse(0);
        List<AgentView> agents = switchboard.agents();
        Map<Presence, Long> byState = new EnumMap<>(Presence.class);
        for (Presence presence : Presence.values()) {
            byState.put(presence, agents.stream().filter(a -> a.presence() == presence).count());
        }
        List<AgentNow> people = agents.stream()
                .sorted(Comparator.comparing((AgentView a) -> a.presence()).thenComparing(a -> a.agent().username()))
                .map(a -> new AgentNow(a.agent().username(), a.presence(),
                        a.currentCall().map(CallId::value).orElse(null), a.awayReason().orElse(null)))
                .toList();
        return new Wallboard(waiting.size(), longest, byState, people, QueueToday.of(calls, clock));
    }
}
