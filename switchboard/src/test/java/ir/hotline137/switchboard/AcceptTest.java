package ir.hotline137.switchboard;

import static ir.hotline137.switchboard.Samples.START;
import static ir.hotline137.switchboard.Samples.agent;
import static ir.hotline137.switchboard.Samples.call;
import static ir.hotline137.switchboard.Samples.fullInfo;
import static ir.hotline137.switchboard.Samples.info;
import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.switchboard.AcceptOutcome.Accepted;
import ir.hotline137.switchboard.AcceptOutcome.AgentNotAvailable;
import ir.hotline137.switchboard.AcceptOutcome.NoLongerWaiting;
import ir.hotline137.switchboard.AcceptOutcome.TakenByOther;
import ir.hotline137.switchboard.AcceptOutcome.UnknownAgent;
import ir.hotline137.switchboard.SwitchboardEvent.CallAssigned;
import ir.hotline137.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Boards.class)
class AcceptTest {
    private final MutableClock clock = new MutableClock(START);
    private final Boards.Opened opened;
    private final Switchboard switchboard;

    AcceptTest(Boards kind) {
        opened = kind.open(clock);
        switchboard = opened.switchboard;
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @Test
    void anAvailableAgentTakesAWaitingCall() {
        Agent sara = agent("sara");
        switchboard.signIn(sara);
        WaitingCall waiting = switchboard.enqueue(call(1), fullInfo());
        clock.advance(Duration.ofSeconds(20));

        AcceptOutcome outcome = switchboard.accept(call(1), "sara");

        assertThat(outcome).isInstanceOf(Accepted.class);
        Accepted accepted = (Accepted) outcome;
        assertThat(accepted.agent()).isEqualTo(sara);
        assertThat(accepted.call().id()).isEqualTo(call(1));
        assertThat(accepted.call().info()).isEqualTo(fullInfo());
        assertThat(accepted.call().waited()).isEqualTo(Duration.ofSeconds(20));
        assertThat(accepted.call().position()).isZero();
        assertThat(accepted.call().assignedTo()).contains("sara");
        assertThat(switchboard.agent("sara")).contains(new AgentView(sara, Presence.BUSY, Optional.of(call(1)), Optional.empty()));
        assertThat(switchboard.waitingCalls()).isEmpty();
        assertThat(waiting.assignedAgent()).contains(sara);
        assertThat(waiting.position()).isZero();
    }

    @Test
    void anUnknownAgentIsTurnedAway() {
        switchboard.enqueue(call(1), info());

        assertThat(switchboard.accept(call(1), "nobody")).isEqualTo(new UnknownAgent("nobody"));
        assertThat(switchboard.waitingCalls()).hasSize(1);
    }

    @Test
    void anAgentWhoIsAwayCannotAccept() {
        switchboard.signIn(agent("sara"));
        switchboard.goAway("sara", AwayReason.BREAK);
        switchboard.enqueue(call(1), info());

        assertThat(switchboard.accept(call(1), "sara")).isEqualTo(new AgentNotAvailable("sara", Presence.AWAY));
        assertThat(switchboard.waitingCalls()).hasSize(1);
    }

    @Test
    void aCallThatIsGoneOrNeverCameIsNoLongerWaiting() {
        switchboard.signIn(agent("sara"));
        switchboard.enqueue(call(1), info()).abandon();

        assertThat(switchboard.accept(call(1), "sara")).isEqualTo(new NoLongerWaiting(call(1)));
        assertThat(switchboard.accept(call(99), "sara")).isEqualTo(new NoLongerWaiting(call(99)));
        assertThat(switchboard.agent("sara").orElseThrow().presence()).isEqualTo(Presence.AVAILABLE);
    }

    @Test
    void theSecondAgentLearnsWhoTookTheCall() {
        switchboard.signIn(agent("sara"));
        switchboard.signIn(agent("reza"));
        switchboard.enqueue(call(1), info());

        switchboard.accept(call(1), "sara");

        assertThat(switchboard.accept(call(1), "reza")).isEqualTo(new TakenByOther("sara"));
        assertThat(switchboard.agent("reza").orElseThrow().presence()).isEqualTo(Presence.AVAILABLE);
    }

    @Test
    void aBusyAgentCannotTakeASecondCall() {
        switchboard.signIn(agent("sara"));
        switchboard.enqueue(call(1), info());
        switchboard.enqueue(call(2), info());
        switchboard.accept(call(1), "sara");

        assertThat(switchboard.accept(call(2), "sara")).isEqualTo(new AgentNotAvailable("sara", Presence.BUSY));
        assertThat(switchboard.waitingCalls()).extracting(WaitingCallView::id).containsExactly(call(2));
    }

    /**
     * All agents reach for each call at the same instant (a barrier before each attempt); the winner keeps
     * the call until everyone has tried, so every loser must see exactly who won.
     */
    @Test
    void agentsReachingForTheSameCallAtOnceGetExactlyOneWinner() throws Exception {
        int agentCount = 8;
        int callCount = 200;
        List<WaitingCall> calls = new ArrayList<>();
        for (int i = 0; i < callCount; i++) {
            calls.add(switchboard.enqueue(call(i), info()));
        }
        for (int a = 0; a < agentCount; a++) {
            switchboard.signIn(agent("agent" + a));
        }
        RecordingListener events = new RecordingListener();
        switchboard.subscribe(events);
        CyclicBarrier together = new CyclicBarrier(agentCount);
        List<Callable<List<AcceptOutcome>>> agents = new ArrayList<>();
        for (int a = 0; a < agentCount; a++) {
            String username = "agent" + a;
            agents.add(() -> {
                List<AcceptOutcome> outcomes = new ArrayList<>();
                for (WaitingCall call : calls) {
                    together.await(10, TimeUnit.SECONDS);
                    AcceptOutcome outcome = switchboard.accept(call.id(), username);
                    outcomes.add(outcome);
                    together.await(10, TimeUnit.SECONDS);
                    if (outcome instanceof Accepted) {
                        call.bridgeEnded();
                    }
                }
                return outcomes;
            });
        }

        List<List<AcceptOutcome>> byAgent = runAll(agents);

        for (int i = 0; i < callCount; i++) {
            List<AcceptOutcome> attempts = new ArrayList<>();
            for (List<AcceptOutcome> outcomes : byAgent) {
                attempts.add(outcomes.get(i));
            }
            List<Accepted> winners = attempts.stream()
                    .filter(Accepted.class::isInstance).map(Accepted.class::cast).toList();
            assertThat(winners).as("winners of call %d", i).hasSize(1);
            String winner = winners.getFirst().agent().username();
            assertThat(attempts).as("attempts on call %d", i)
                    .filteredOn(o -> !(o instanceof Accepted))
                    .hasSize(agentCount - 1)
                    .allMatch(o -> o.equals(new TakenByOther(winner)));
        }
        assertThat(events.ofType(CallAssigned.class)).hasSize(callCount)
                .extracting(CallAssigned::id).doesNotHaveDuplicates();
        assertThat(switchboard.waitingCalls()).isEmpty();
        assertThat(switchboard.agents()).allMatch(a -> a.presence() == Presence.AVAILABLE);
    }

    /**
     * A free-for-all: two console tabs per agent, each grabbing calls in its own order until the queue is
     * empty. Every call goes to exactly one agent and every other attempt is refused for a reason that fits.
     */
    @Test
    void aFreeForAllAssignsEveryCallExactlyOnce() throws Exception {
        int agentCount = 8;
        int callCount = 200;
        Map<CallId, WaitingCall> calls = new HashMap<>();
        for (int i = 0; i < callCount; i++) {
            calls.put(call(i), switchboard.enqueue(call(i), info()));
        }
        for (int a = 0; a < agentCount; a++) {
            switchboard.signIn(agent("agent" + a));
        }
        RecordingListener events = new RecordingListener();
        switchboard.subscribe(events);
        Map<CallId, List<String>> winners = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Map.Entry<CallId, AcceptOutcome>> refusals = new ConcurrentLinkedQueue<>();
        int tabCount = agentCount * 2;
        CountDownLatch ready = new CountDownLatch(tabCount);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> tabs = new ArrayList<>();
        for (int t = 0; t < tabCount; t++) {
            String username = "agent" + (t % agentCount);
            List<CallId> order = new ArrayList<>(calls.keySet());
            Collections.shuffle(order, new Random(t));
            tabs.add(() -> {
                ready.countDown();
                start.await();
                // The winner stays on the call for a few more clicks, as an agent would, so the others meet a
                // taken call and the agent's other tab meets a busy agent.
                WaitingCall onTheLine = null;
                int clicksLeft = 0;
                // At least one full pass each, so every tab really competes even if the queue empties fast.
                do {
                    for (CallId id : order) {
                        AcceptOutcome outcome = switchboard.accept(id, username);
                        if (outcome instanceof Accepted) {
                            winners.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>())).add(username);
                            onTheLine = calls.get(id);
                            clicksLeft = 5;
                        } else {
                            refusals.add(Map.entry(id, outcome));
                            if (onTheLine != null && --clicksLeft == 0) {
                                onTheLine.bridgeEnded();
                                onTheLine = null;
                            }
                        }
                    }
                } while (!switchboard.waitingCalls().isEmpty());
                if (onTheLine != null) {
                    onTheLine.bridgeEnded();
                }
                return null;
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(tabCount);
        try {
            List<Future<Void>> running = tabs.stream().map(pool::submit).toList();
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            for (Future<Void> tab : running) {
                tab.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(winners).hasSize(callCount);
        assertThat(winners.values()).allMatch(agents -> agents.size() == 1);
        assertThat(refusals).hasSizeGreaterThanOrEqualTo(tabCount * callCount - callCount).allSatisfy(refusal -> {
            String winner = winners.get(refusal.getKey()).getFirst();
            assertThat(refusal.getValue()).satisfiesAnyOf(
                    o -> assertThat(o).isEqualTo(new TakenByOther(winner)),
                    o -> assertThat(o).isInstanceOfSatisfying(AgentNotAvailable.class,
                            n -> assertThat(n.presence()).isEqualTo(Presence.BUSY)),
                    // the call was won and its conversation is already over
                    o -> assertThat(o).isEqualTo(new NoLongerWaiting(refusal.getKey())));
        });
        assertThat(events.ofType(CallAssigned.class)).hasSize(callCount)
                .extracting(CallAssigned::id).doesNotHaveDuplicates();
        assertThat(switchboard.waitingCalls()).isEmpty();
        assertThat(switchboard.agents()).allMatch(a -> a.presence() == Presence.AVAILABLE);
    }

    @Test
    void anAgentAcceptingTwoCallsAtOnceGetsOneAndTheOtherStaysQueued() throws Exception {
        switchboard.signIn(agent("sara"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 300; round++) {
                WaitingCall a = switchboard.enqueue(call(2 * round), info());
                WaitingCall b = switchboard.enqueue(call(2 * round + 1), info());
                CountDownLatch start = new CountDownLatch(1);
                Future<AcceptOutcome> first = pool.submit(() -> {
                    start.await();
                    return switchboard.accept(a.id(), "sara");
                });
                Future<AcceptOutcome> second = pool.submit(() -> {
                    start.await();
                    return switchboard.accept(b.id(), "sara");
                });
                start.countDown();
                List<AcceptOutcome> outcomes = List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));

                assertThat(outcomes).filteredOn(Accepted.class::isInstance).hasSize(1);
                assertThat(outcomes).filteredOn(o -> !(o instanceof Accepted))
                        .containsExactly(new AgentNotAvailable("sara", Presence.BUSY));
                WaitingCall won = outcomes.get(0) instanceof Accepted ? a : b;
                WaitingCall lost = won == a ? b : a;
                assertThat(switchboard.waitingCalls()).extracting(WaitingCallView::id).containsExactly(lost.id());
                assertThat(lost.position()).isEqualTo(1);

                won.bridgeEnded();
                lost.abandon();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> running = tasks.stream().map(pool::submit).toList();
            List<T> results = new ArrayList<>();
            for (Future<T> task : running) {
                results.add(task.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
