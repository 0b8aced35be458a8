package ir.hotline137.switchboard;

import static ir.hotline137.switchboard.Samples.START;
import static ir.hotline137.switchboard.Samples.agent;
import static ir.hotline137.switchboard.Samples.call;
import static ir.hotline137.switchboard.Samples.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Boards.class)
class QueueTest {
    private final MutableClock clock = new MutableClock(START);
    private final Boards.Opened opened;
    private final Switchboard switchboard;

    QueueTest(Boards kind) {
        opened = kind.open(clock);
        switchboard = opened.switchboard;
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @Test
    void callersWaitInTheOrderTheyCame() {
        WaitingCall first = switchboard.enqueue(call(1), info());
        WaitingCall second = switchboard.enqueue(call(2), info());
        WaitingCall third = switchboard.enqueue(call(3), info());

        assertThat(List.of(first.position(), second.position(), third.position())).containsExactly(1, 2, 3);
        assertThat(switchboard.waitingCalls()).extracting(WaitingCallView::id).containsExactly(call(1), call(2), call(3));
        assertThat(switchboard.waitingCalls()).extracting(WaitingCallView::position).containsExactly(1, 2, 3);
    }

    @Test
    void callersBehindMoveUpWhenOneLeaves() {
        WaitingCall first = switchboard.enqueue(call(1), info());
        WaitingCall second = switchboard.enqueue(call(2), info());
        WaitingCall third = switchboard.enqueue(call(3), info());

        second.abandon();

        assertThat(first.position()).isEqualTo(1);
        assertThat(second.position()).isZero();
        assertThat(third.position()).isEqualTo(2);
        assertThat(switchboard.waitingCalls()).extracting(WaitingCallView::id).containsExactly(call(1), call(3));
    }

    @Test
    void acceptedCallsAreNotListedAsWaiting() {
        switchboard.signIn(agent("sara"));
        switchboard.enqueue(call(1), info());
        WaitingCall second = switchboard.enqueue(call(2), info());

        switchboard.accept(call(1), "sara");

        assertThat(switchboard.waitingCalls()).extracting(WaitingCallView::id).containsExactly(call(2));
        assertThat(second.position()).isEqualTo(1);
    }

    @Test
    void aCallIsFoundByItsIdWhileWaitingAndWhileTakenButNotOnceGone() {
        switchboard.signIn(agent("sara"));
        WaitingCall waiting = switchboard.enqueue(call(1), info());
        assertThat(switchboard.call(call(1))).hasValueSatisfying(view -> {
            assertThat(view.position()).isEqualTo(1);
            assertThat(view.assignedTo()).isEmpty();
        });

        switchboard.accept(call(1), "sara");
        assertThat(switchboard.call(call(1))).hasValueSatisfying(view -> {
            assertThat(view.position()).isZero();
            assertThat(view.assignedTo()).contains("sara");
        });

        waiting.bridgeEnded();
        assertThat(switchboard.call(call(1))).isEmpty();
        assertThat(switchboard.call(call(9))).isEmpty();
    }

    @Test
    void waitTimeFollowsTheClockAndStopsWhenTheCallLeaves() {
        switchboard.signIn(agent("sara"));
        WaitingCall call = switchboard.enqueue(call(1), info());
        clock.advance(Duration.ofSeconds(42));

        assertThat(call.waited()).isEqualTo(Duration.ofSeconds(42));
        assertThat(switchboard.waitingCalls().getFirst().waited()).isEqualTo(Duration.ofSeconds(42));
        assertThat(switchboard.waitingCalls().getFirst().enqueuedAt()).isEqualTo(START);

        switchboard.accept(call(1), "sara");
        clock.advance(Duration.ofMinutes(5));

        assertThat(call.waited()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void aWallClockSteppedBackNeverGivesANegativeWait() {
        WaitingCall call = switchboard.enqueue(call(1), info());
        clock.advance(Duration.ofSeconds(-30));

        assertThat(call.waited()).isEqualTo(Duration.ZERO);
    }

    @Test
    void theSameCallCannotBeQueuedTwice() {
        switchboard.enqueue(call(1), info());

        assertThatThrownBy(() -> switchboard.enqueue(call(1), info()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(call(1).value());
        assertThat(switchboard.waitingCalls()).hasSize(1);
    }

    @Test
    void anIdCanBeQueuedAgainOnceItsCallIsOver() {
        switchboard.enqueue(call(1), info()).abandon();

        WaitingCall again = switchboard.enqueue(call(1), info());

        assertThat(again.position()).isEqualTo(1);
    }

    @Test
    void positionsStayRightWithTwoThousandCallers() {
        List<WaitingCall> calls = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            calls.add(switchboard.enqueue(call(i), info()));
        }
        for (int i = 0; i < 2_000; i += 2) {
            calls.get(i).abandon();
        }

        for (int i = 1; i < 2_000; i += 2) {
            assertThat(calls.get(i).position()).isEqualTo(i / 2 + 1);
        }
        List<WaitingCallView> waiting = switchboard.waitingCalls();
        assertThat(waiting).hasSize(1_000);
        assertThat(waiting.getLast().id()).isEqualTo(call(1_999));
        assertThat(waiting.getLast().position()).isEqualTo(1_000);
    }
}
