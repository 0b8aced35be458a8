package ir.hotline137.switchboard;

import static ir.hotline137.switchboard.Samples.START;
import static ir.hotline137.switchboard.Samples.agent;
import static ir.hotline137.switchboard.Samples.call;
import static ir.hotline137.switchboard.Samples.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.switchboard.AcceptOutcome.Accepted;
import ir.hotline137.switchboard.AcceptOutcome.AgentNotAvailable;
import ir.hotline137.switchboard.AcceptOutcome.NoLongerWaiting;
import ir.hotline137.switchboard.SwitchboardEvent.AgentPresenceChanged;
import ir.hotline137.switchboard.SwitchboardEvent.CallEnded;
import ir.hotline137.switchboard.SwitchboardEvent.CallLeftQueue;
import ir.hotline137.switchboard.SwitchboardEvent.CallReturned;
import ir.hotline137.switchboard.SwitchboardEvent.LeaveReason;
import ir.hotline137.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
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
class WaitingCallTest {
    private final MutableClock clock = new MutableClock(START);
    private final Boards.Opened opened;
    private final Switchboard switchboard;
    private final RecordingListener events = new RecordingListener();

    WaitingCallTest(Boards kind) {
        opened = kind.open(clock);
        switchboard = opened.switchboard;
        switchboard.subscribe(events);
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @Test
    void aCallerWhoHangsUpLeavesTheQueueAtOnce() {
        WaitingCall call = switchboard.enqueue(call(1), info());
        WaitingCall behind = switchboard.enqueue(call(2), info());
        events.clear();

        call.abandon();

        assertThat(switchboard.waitingCalls()).extracting(WaitingCallView::id).containsExactly(call(2));
        assertThat(behind.position()).isEqualTo(1);
        assertThat(call.position()).isZero();
        assertThat(call.assignedAgent()).isEmpty();
        assertThat(events.events()).containsExactly(new CallLeftQueue(START, call(1), LeaveReason.ABANDONED));
    }

    @Test
    void hangingUpTwiceCountsOnce() {
        WaitingCall call = switchboard.enqueue(call(1), info());
        call.abandon();
        events.clear();

        call.abandon();
        assertThat(call.timeOut()).isTrue();

        assertThat(events.events()).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentsPhoneRingsFreesTheAgent() {
        switchboard.signIn(agent("sara"));
        WaitingCall call = switchboard.enqueue(call(1), info());
        switchboard.accept(call(1), "sara");
        events.clear();

        call.abandon();

        assertThat(switchboard.agent("sara").orElseThrow())
                .isEqualTo(new AgentView(agent("sara"), Presence.AVAILABLE, Optional.empty(), Optional.empty()));
        assertThat(call.assignedAgent()).isEmpty();
        assertThat(events.events()).containsExactly(
                new CallLeftQueue(START, call(1), LeaveReason.ABANDONED),
                new AgentPresenceChanged(START, new AgentView(agent("sara"), Presence.AVAILABLE, Optional.empty(), Optional.empty())));
        assertThat(switchboard.accept(call(1), "sara")).isEqualTo(new NoLongerWaiting(call(1)));
    }

    @Test
    void aCallNobodyTookTimesOut() {
        switchboard.signIn(agent("sara"));
        WaitingCall call = switchboard.enqueue(call(1), info());
        events.clear();

        assertThat(call.timeOut()).isTrue();

        assertThat(switchboard.waitingCalls()).isEmpty();
        assertThat(call.position()).isZero();
        assertThat(events.events()).containsExactly(new CallLeftQueue(START, call(1), LeaveReason.TIMED_OUT));
        assertThat(switchboard.accept(call(1), "sara")).isEqualTo(new NoLongerWaiting(call(1)));
    }

    @Test
    void aTimeOutAfterAnAgentAcceptedLeavesTheAssignmentStanding() {
        switchboard.signIn(agent("sara"));
        WaitingCall call = switchboard.enqueue(call(1), info());
        switchboard.accept(call(1), "sara");

        assertThat(call.timeOut()).isFalse();

        assertThat(call.assignedAgent()).contains(agent("sara"));
        assertThat(switchboard.agent("sara").orElseThrow().currentCall()).contains(call(1));
    }

    /** The IVR gives up at the very moment an agent clicks: both sides must agree on who won. */
    @Test
    void aTimeOutRacingAnAcceptanceHasOneConsistentAnswer() throws Exception {
        switchboard.signIn(agent("sara"));
        int timedOut = 0;
        int assigned = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 500; round++) {
                WaitingCall call = switchboard.enqueue(call(round), info());
                CountDownLatch start = new CountDownLatch(1);
                Future<Boolean> ivr = pool.submit(() -> {
                    start.await();
                    return call.timeOut();
                });
                Future<AcceptOutcome> agent = pool.submit(() -> {
                    start.await();
                    return switchboard.accept(call.id(), "sara");
                });
                start.countDown();
                boolean gaveUp = ivr.get(10, TimeUnit.SECONDS);
                AcceptOutcome outcome = agent.get(10, TimeUnit.SECONDS);

                AgentView sara = switchboard.agent("sara").orElseThrow();
                if (gaveUp) {
                    timedOut++;
                    assertThat(outcome).isEqualTo(new NoLongerWaiting(call.id()));
                    assertThat(call.assignedAgent()).isEmpty();
                    assertThat(sara.presence()).isEqualTo(Presence.AVAILABLE);
                    assertThat(sara.currentCall()).isEmpty();
                } else {
                    assigned++;
                    assertThat(outcome).isInstanceOf(Accepted.class);
                    assertThat(call.assignedAgent()).contains(agent("sara"));
                    assertThat(sara.presence()).isEqualTo(Presence.BUSY);
                    assertThat(sara.currentCall()).contains(call.id());
                    call.bridgeEnded();
                }
                assertThat(switchboard.waitingCalls()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(timedOut + assigned).isEqualTo(500);
    }

    @Test
    void whenTheAgentsPhoneDoesNotAnswerTheCallerGoesBackToTheirPlace() {
        switchboard.signIn(agent("sara"));
        switchboard.signIn(agent("reza"));
        WaitingCall first = switchboard.enqueue(call(1), info());
        WaitingCall second = switchboard.enqueue(call(2), info());
        WaitingCall third = switchboard.enqueue(call(3), info());
        switchboard.accept(call(2), "sara");
        switchboard.enqueue(call(4), info());
        clock.advance(Duration.ofSeconds(25));
        events.clear();

        second.bridgeFailed();

        assertThat(switchboard.waitingCalls()).extracting(WaitingCallView::id)
                .containsExactly(call(1), call(2), call(3), call(4));
        assertThat(List.of(first.position(), second.position(), third.position())).containsExactly(1, 2, 3);
        assertThat(second.assignedAgent()).isEmpty();
        assertThat(second.waited()).isEqualTo(Duration.ofSeconds(25));
        assertThat(switchboard.agent("sara").orElseThrow())
                .isEqualTo(new AgentView(agent("sara"), Presence.AWAY, Optional.empty(), Optional.of(AwayReason.NO_ANSWER)));
        Instant failedAt = START.plus(Duration.ofSeconds(25));
        assertThat(events.events()).containsExactly(
                new CallReturned(failedAt, call(2), "sara"),
                new AgentPresenceChanged(failedAt, new AgentView(agent("sara"), Presence.AWAY, Optional.empty(), Optional.of(AwayReason.NO_ANSWER))));

        assertThat(switchboard.accept(call(2), "sara")).isEqualTo(new AgentNotAvailable("sara", Presence.AWAY));
        assertThat(switchboard.accept(call(2), "reza")).isInstanceOf(Accepted.class);
        assertThat(second.assignedAgent()).contains(agent("reza"));
    }

    @Test
    void onlyACallWithAnAgentCanFailToBridge() {
        WaitingCall call = switchboard.enqueue(call(1), info());

        assertThatThrownBy(call::bridgeFailed).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(call::bridgeEnded).isInstanceOf(IllegalStateException.class);
        assertThat(call.position()).isEqualTo(1);
    }

    @Test
    void whenTheConversationEndsTheAgentIsFreeAgain() {
        switchboard.signIn(agent("sara"));
        WaitingCall call = switchboard.enqueue(call(1), info());
        switchboard.accept(call(1), "sara");
        clock.advance(Duration.ofMinutes(3));
        events.clear();

        call.bridgeEnded();
        call.bridgeEnded();

        assertThat(switchboard.agent("sara").orElseThrow())
                .isEqualTo(new AgentView(agent("sara"), Presence.AVAILABLE, Optional.empty(), Optional.empty()));
        assertThat(call.assignedAgent()).contains(agent("sara"));
        assertThat(call.waited()).isZero();
        assertThat(events.events()).containsExactly(
                new CallEnded(START.plus(Duration.ofMinutes(3)), call(1), "sara"),
                new AgentPresenceChanged(START.plus(Duration.ofMinutes(3)),
                        new AgentView(agent("sara"), Presence.AVAILABLE, Optional.empty(), Optional.empty())));
        assertThat(switchboard.accept(call(1), "sara")).isEqualTo(new NoLongerWaiting(call(1)));
    }

    @Test
    void theCallerHoldingSeesTheAgentWhoAccepted() {
        switchboard.signIn(agent("sara"));
        WaitingCall call = switchboard.enqueue(call(1), info());

        switchboard.accept(call(1), "sara");

        assertThat(call.assignedAgent()).contains(agent("sara"));
    }

    @Test
    void aCallerWhoHangsUpHasNoAgentComing() {
        WaitingCall call = switchboard.enqueue(call(1), info());

        call.abandon();

        assertThat(call.assignedAgent()).isEmpty();
    }

    @Test
    void aWaitingCallHasNoAgentUntilOneAccepts() {
        WaitingCall call = switchboard.enqueue(call(1), info());

        assertThat(call.assignedAgent()).isEmpty();
        assertThat(call.position()).isEqualTo(1);
    }

    @Test
    void anAssignedCallKeepsItsAgentAfterTheConversation() {
        switchboard.signIn(agent("sara"));
        WaitingCall call = switchboard.enqueue(call(1), info());
        switchboard.accept(call(1), "sara");
        call.bridgeEnded();

        assertThat(call.assignedAgent()).contains(agent("sara"));
    }
}
