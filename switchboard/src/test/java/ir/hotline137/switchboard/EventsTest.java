package ir.hotline137.switchboard;

import static ir.hotline137.switchboard.Samples.START;
import static ir.hotline137.switchboard.Samples.agent;
import static ir.hotline137.switchboard.Samples.call;
import static ir.hotline137.switchboard.Samples.info;
import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.switchboard.AcceptOutcome.Accepted;
import ir.hotline137.switchboard.SwitchboardEvent.AgentPresenceChanged;
import ir.hotline137.switchboard.SwitchboardEvent.CallAssigned;
import ir.hotline137.switchboard.SwitchboardEvent.CallEnded;
import ir.hotline137.switchboard.SwitchboardEvent.CallLeftQueue;
import ir.hotline137.switchboard.SwitchboardEvent.CallReturned;
import ir.hotline137.switchboard.SwitchboardEvent.CallWaiting;
import ir.hotline137.switchboard.SwitchboardEvent.LeaveReason;
import ir.hotline137.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Boards.class)
class EventsTest {
    private final MutableClock clock = new MutableClock(START);
    private final Boards.Opened opened;
    private final Switchboard switchboard;

    EventsTest(Boards kind) {
        opened = kind.open(clock);
        switchboard = opened.switchboard;
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }
    private final RecordingListener events = new RecordingListener();

    @Test
    void aCallsWholeLifeIsPublishedInOrder() {
        switchboard.signIn(agent("sara"));
        switchboard.signIn(agent("reza"));
        switchboard.subscribe(events);
        Instant t0 = START;
        WaitingCall call = switchboard.enqueue(call(1), info());
        clock.advance(Duration.ofSeconds(10));
        Instant t1 = clock.instant();
        switchboard.accept(call(1), "sara");
        clock.advance(Duration.ofSeconds(20));
        Instant t2 = clock.instant();
        call.bridgeFailed();
        clock.advance(Duration.ofSeconds(5));
        Instant t3 = clock.instant();
        switchboard.accept(call(1), "reza");
        clock.advance(Duration.ofMinutes(2));
        Instant t4 = clock.instant();
        call.bridgeEnded();

        AgentView saraBusy = new AgentView(agent("sara"), Presence.BUSY, Optional.of(call(1)), Optional.empty());
        AgentView saraAway = new AgentView(agent("sara"), Presence.AWAY, Optional.empty(), Optional.of(AwayReason.NO_ANSWER));
        AgentView rezaBusy = new AgentView(agent("reza"), Presence.BUSY, Optional.of(call(1)), Optional.empty());
        AgentView rezaFree = new AgentView(agent("reza"), Presence.AVAILABLE, Optional.empty(), Optional.empty());
        assertThat(events.events()).containsExactly(
                new CallWaiting(t0, new WaitingCallView(call(1), info(), t0, 1, Duration.ZERO, Optional.empty())),
                new CallAssigned(t1, call(1), "sara"),
                new CallLeftQueue(t1, call(1), LeaveReason.ASSIGNED),
                new AgentPresenceChanged(t1, saraBusy),
                new CallReturned(t2, call(1), "sara"),
                new AgentPresenceChanged(t2, saraAway),
                new CallAssigned(t3, call(1), "reza"),
                new CallLeftQueue(t3, call(1), LeaveReason.ASSIGNED),
                new AgentPresenceChanged(t3, rezaBusy),
                new CallEnded(t4, call(1), "reza"),
                new AgentPresenceChanged(t4, rezaFree));
    }

    @Test
    void aNewCallerIsAnnouncedWithTheirPlace() {
        switchboard.enqueue(call(1), info());
        switchboard.subscribe(events);

        switchboard.enqueue(call(2), info());

        assertThat(events.ofType(CallWaiting.class)).singleElement()
                .satisfies(e -> assertThat(e.call().position()).isEqualTo(2));
    }

    @Test
    void aListenerThatThrowsDoesNotSpoilAnAcceptanceOrTheOtherListeners() {
        switchboard.signIn(agent("sara"));
        switchboard.enqueue(call(1), info());
        AtomicInteger told = new AtomicInteger();
        switchboard.subscribe(event -> {
            told.incrementAndGet();
            throw new IllegalStateException("a broken screen");
        });
        switchboard.subscribe(events);

        AcceptOutcome outcome = switchboard.accept(call(1), "sara");

        assertThat(outcome).isInstanceOf(Accepted.class);
        assertThat(told).hasValue(3);
        assertThat(events.events()).hasSize(3);
        assertThat(switchboard.agent("sara").orElseThrow().presence()).isEqualTo(Presence.BUSY);
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() {
        Subscription subscription = switchboard.subscribe(events);
        switchboard.enqueue(call(1), info());

        subscription.close();
        subscription.close();
        switchboard.enqueue(call(2), info());

        assertThat(events.events()).hasSize(1);
    }

    @Test
    void aListenerMayActOnTheSwitchboardAndEveryoneStillSeesEventsInOrder() {
        switchboard.signIn(agent("sara"));
        // An "auto-answer" listener that accepts every new call for sara.
        switchboard.subscribe(event -> {
            if (event instanceof CallWaiting waiting) {
                switchboard.accept(waiting.call().id(), "sara");
            }
        });
        switchboard.subscribe(events);

        switchboard.enqueue(call(1), info());

        assertThat(events.events()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CallWaiting", "CallAssigned", "CallLeftQueue", "AgentPresenceChanged");
        assertThat(switchboard.agent("sara").orElseThrow().currentCall()).contains(call(1));
    }

    /**
     * Many threads change many calls at once; for each call the listener must still see its events in the
     * order the changes could happen (waiting, assigned, left, ended).
     */
    @Test
    void underConcurrencyEachCallsEventsArriveInOrder() throws Exception {
        int agentCount = 8;
        for (int a = 0; a < agentCount; a++) {
            switchboard.signIn(agent("agent" + a));
        }
        // A listener that gives up the processor widens the window in which two deliveries could cross.
        switchboard.subscribe(event -> Thread.yield());
        switchboard.subscribe(events);
        ExecutorService pool = Executors.newFixedThreadPool(agentCount);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int a = 0; a < agentCount; a++) {
                String username = "agent" + a;
                int first = a * 50;
                running.add(pool.submit(() -> {
                    for (int i = first; i < first + 50; i++) {
                        WaitingCall call = switchboard.enqueue(call(i), info());
                        switchboard.accept(call.id(), username);
                        call.bridgeEnded();
                    }
                    return null;
                }));
            }
            for (Future<?> task : running) {
                task.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (int i = 0; i < agentCount * 50; i++) {
            CallId id = call(i);
            List<String> kinds = events.events().stream()
                    .filter(e -> concerns(e, id))
                    .map(e -> e.getClass().getSimpleName())
                    .toList();
            assertThat(kinds).as("events of %s", id)
                    .containsExactly("CallWaiting", "CallAssigned", "CallLeftQueue", "CallEnded");
        }
    }

    private static boolean concerns(SwitchboardEvent event, CallId id) {
        return switch (event) {
            case CallWaiting e -> e.call().id().equals(id);
            case CallAssigned e -> e.id().equals(id);
            case CallLeftQueue e -> e.id().equals(id);
            case CallReturned e -> e.id().equals(id);
            case CallEnded e -> e.id().equals(id);
            case AgentPresenceChanged e -> false;
            case SwitchboardEvent.AgentSignedOut e -> false;
        };
    }
}
