package ir.hotline137.mayor.line;

import static ir.hotline137.mayor.line.Fixtures.MAYOR;
import static ir.hotline137.mayor.line.Fixtures.MAYOR_PHONE;
import static ir.hotline137.mayor.line.Fixtures.PLANNED_END;
import static ir.hotline137.mayor.line.Fixtures.START;
import static ir.hotline137.mayor.line.Fixtures.call;
import static ir.hotline137.mayor.line.Fixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.mayor.line.NextCaller.Bridged;
import ir.hotline137.mayor.line.NextCaller.NoneApproved;
import ir.hotline137.mayor.line.NextCaller.StillOnAir;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
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
@EnumSource(Lines.class)
class MayorTakesCallsTest {
    private final MutableClock clock = new MutableClock(START);
    private final Lines.Opened opened;
    private final MayorLine line;
    private final Map<CallId, MayorCaller> handles = Collections.synchronizedMap(new HashMap<>());


    MayorTakesCallsTest(Lines kind) {
        opened = kind.open(clock);
        line = opened.line;
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @Test
    void withoutASessionThereIsNobodyToTake() {
        assertThat(line.next(MAYOR, MAYOR_PHONE)).isEqualTo(new NextCaller.NoSession());
    }

    @Test
    void onlyApprovedCallersReachTheMayor() {
        line.open("t", PLANNED_END, "moderator");
        line.join(call(1), topic(1));

        assertThat(line.next(MAYOR, MAYOR_PHONE)).isEqualTo(new NoneApproved());
        assertThat(line.caller(call(1)).orElseThrow().state()).isEqualTo(ScreeningState.AWAITING_SCREENING);
    }

    @Test
    void theDesignatedCallerGoesFirstThenTheLineOrderResumes() {
        line.open("t", PLANNED_END, "moderator");
        for (int i = 1; i <= 3; i++) {
            line.join(call(i), topic(i));
        }
        line.approve(call(1), "moderator");
        line.approve(call(3), "moderator");

        assertThat(line.designateNext(call(2))).as("only a screened caller")
                .isEqualTo(new ScreeningOutcome.NotAllowed(call(2), ScreeningState.AWAITING_SCREENING));
        assertThat(line.designateNext(call(3))).isInstanceOf(ScreeningOutcome.Done.class);
        assertThat(line.designatedNext()).contains(call(3));

        assertThat(line.next(MAYOR, MAYOR_PHONE)).isInstanceOfSatisfying(NextCaller.Bridged.class,
                bridged -> assertThat(bridged.caller().id()).isEqualTo(call(3)));
        assertThat(line.designatedNext()).as("taken, so no longer next").isEmpty();
        assertOnAir(call(3));
    }

    @Test
    void aDesignatedCallerWhoIsNoLongerScreenedIsPassedOver() {
        line.open("t", PLANNED_END, "moderator");
        line.join(call(1), topic(1));
        MayorCaller second = line.join(call(2), topic(2));
        line.approve(call(1), "moderator");
        line.approve(call(2), "moderator");
        line.designateNext(call(2));
        second.abandon();

        assertThat(line.designatedNext()).isEmpty();
        assertThat(line.next(MAYOR, MAYOR_PHONE)).isInstanceOfSatisfying(NextCaller.Bridged.class,
                bridged -> assertThat(bridged.caller().id()).isEqualTo(call(1)));
    }

    @Test
    void theEstimatedWaitIsTheRestOfTheCallOnAirAndAConversationPerTurnAheadAtThisProgrammesPace() {
        line.open("t", PLANNED_END, "moderator");
        MayorCaller first = line.join(call(1), topic(1));
        MayorCaller second = line.join(call(2), topic(2));
        MayorCaller third = line.join(call(3), topic(3));

        assertThat(third.estimatedWait()).as("before any conversation: the expected length per turn ahead")
                .contains(Fixtures.CONVERSATION.multipliedBy(2));
        assertThat(first.estimatedWait()).as("first, with nobody on air").contains(Duration.ZERO);

        line.approve(call(1), "moderator");
        line.next(MAYOR, MAYOR_PHONE);
        assertThat(first.estimatedWait()).as("on air: no longer waiting").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(second.estimatedWait()).as("what is left of the expected conversation on air")
                .contains(Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(6));
        assertThat(second.estimatedWait()).as("a conversation running long leaves nothing to wait for it")
                .contains(Duration.ZERO);
        first.talked();

        assertThat(third.estimatedWait()).as("the one conversation so far took 7 minutes")
                .contains(Duration.ofMinutes(7));

        line.approve(call(3), "moderator");
        line.designateNext(call(3));
        assertThat(third.placeInTurn()).as("designated: next, whatever their place in line").isEqualTo(1);
        assertThat(third.estimatedWait()).contains(Duration.ZERO);
        assertThat(second.placeInTurn()).isEqualTo(2);
        assertThat(second.position()).as("the line's own order is the moderator's").isEqualTo(1);
    }

    private void assertOnAir(CallId id) {
        assertThat(line.caller(id).orElseThrow().state()).isEqualTo(ScreeningState.ON_AIR);
    }

    @Test
    void theCallerIsOnAirWithWhereToBridge() {
        line.open("t", PLANNED_END, "moderator");
        MayorCaller caller = line.join(call(1), topic(1));
        line.approve(call(1), "moderator");
        clock.advance(Duration.ofMinutes(2));

        NextCaller next = line.next(MAYOR, MAYOR_PHONE);

        assertThat(caller.turn()).isEqualTo(new Turn.OnAir(MAYOR, MAYOR_PHONE));
        assertThat(next).isInstanceOfSatisfying(Bridged.class, bridged -> {
            assertThat(bridged.caller().state()).isEqualTo(ScreeningState.ON_AIR);
            assertThat(bridged.caller().onAirAt()).contains(START.plus(Duration.ofMinutes(2)));
            assertThat(bridged.caller().position()).isZero();
        });
        clock.advance(Duration.ofMinutes(3));
        assertThat(caller.view().waited()).isEqualTo(Duration.ofMinutes(2));
        caller.talked();
        assertThat(caller.turn()).as("an IVR asking late still learns where the caller was bridged")
                .isEqualTo(new Turn.OnAir(MAYOR, MAYOR_PHONE));
    }

    @Test
    void theRecordingOfTheConversationIsKeptWithTheCaller() {
        line.open("t", PLANNED_END, "moderator");
        MayorCaller caller = line.join(call(1), topic(1));
        assertThatThrownBy(() -> caller.recordedAs("/rec/early.wav")).isInstanceOf(IllegalStateException.class);
        line.approve(call(1), "moderator");
        line.next(MAYOR, MAYOR_PHONE);

        caller.recordedAs("/rec/mayor-1.wav");
        caller.talked();

        MayorCallerView done = line.caller(call(1)).orElseThrow();
        assertThat(done.conversationRecording()).contains("/rec/mayor-1.wav");
        assertThat(done.mayor()).contains(MAYOR);
    }

    @Test
    void aCallerTheMayorsPhoneDidNotReachIsFirstInLineAgain() throws Exception {
        MayorCaller first = firstOfTwoApprovedOnAir();
        first.recordedAs("/rec/mayor-1.wav");

        first.notReached();

        MayorCallerView back = first.view();
        assertThat(back.state()).isEqualTo(ScreeningState.APPROVED);
        assertThat(back.position()).isEqualTo(1);
        assertThat(back.onAirAt()).isEmpty();
        assertThat(back.mayor()).isEmpty();
        assertThat(back.conversationRecording()).isEmpty();
        assertThat(first.turn()).isEqualTo(new Turn.StillWaiting());
        assertThat(line.next(MAYOR, MAYOR_PHONE)).isInstanceOfSatisfying(Bridged.class,
                bridged -> assertThat(bridged.caller().id()).isEqualTo(call(1)));
    }

    @Test
    void aCallerWhoHangsUpWhileTheMayorsPhoneRingsLeavesUnheardAndFreesTheMayor() {
        MayorCaller first = firstOfTwoApprovedOnAir();
        first.recordedAs("/rec/mayor-1.wav");

        first.hungUpBeforeAnswer();
        first.abandon();

        MayorCallerView gone = first.view();
        assertThat(gone.state()).isEqualTo(ScreeningState.ABANDONED);
        assertThat(gone.conversationRecording()).isEmpty();
        assertThat(line.next(MAYOR, MAYOR_PHONE)).isInstanceOfSatisfying(Bridged.class,
                bridged -> assertThat(bridged.caller().id()).isEqualTo(call(2)));
    }

    @Test
    void aCallerNotReachedAfterTheSessionClosedIsDismissed() throws Exception {
        MayorSession session = line.open("t", PLANNED_END, "moderator");
        MayorCaller caller = line.join(call(1), topic(1));
        line.approve(call(1), "moderator");
        line.next(MAYOR, MAYOR_PHONE);
        line.close(session.id(), "moderator");

        caller.notReached();

        assertThat(caller.state()).isEqualTo(ScreeningState.SESSION_CLOSED);
        assertThat(caller.turn()).isEqualTo(new Turn.SessionClosed());
    }

    @Test
    void theMayorTakesOneCallerAtATime() {
        MayorCaller first = firstOfTwoApprovedOnAir();

        NextCaller again = line.next(MAYOR, MAYOR_PHONE);

        assertThat(again).isInstanceOfSatisfying(StillOnAir.class,
                still -> assertThat(still.caller().id()).isEqualTo(call(1)));
        assertThat(line.caller(call(2)).orElseThrow().state()).isEqualTo(ScreeningState.APPROVED);

        clock.advance(Duration.ofMinutes(4));
        first.talked();
        first.talked();

        assertThat(first.view().endedAt()).contains(START.plus(Duration.ofMinutes(4)));
        assertThat(line.next(MAYOR, MAYOR_PHONE)).isInstanceOfSatisfying(Bridged.class,
                bridged -> assertThat(bridged.caller().id()).isEqualTo(call(2)));
    }

    @Test
    void aCallerWhoHangsUpOnAirHasTalkedAndFreesTheMayor() {
        line.open("t", PLANNED_END, "moderator");
        MayorCaller caller = line.join(call(1), topic(1));
        line.approve(call(1), "moderator");
        line.next(MAYOR, MAYOR_PHONE);

        caller.abandon();

        assertThat(caller.state()).isEqualTo(ScreeningState.TALKED);
        assertThat(line.next(MAYOR, MAYOR_PHONE)).isEqualTo(new NoneApproved());
    }

    @Test
    void onlyACallerWhoWasOnAirCanHaveTalked() {
        line.open("t", PLANNED_END, "moderator");
        MayorCaller caller = line.join(call(1), topic(1));

        assertThatThrownBy(caller::talked).isInstanceOf(IllegalStateException.class);
        line.approve(call(1), "moderator");
        assertThatThrownBy(caller::talked).isInstanceOf(IllegalStateException.class);
        assertThat(caller.position()).isEqualTo(1);
    }

    @Test
    void theModeratorCannotScreenACallerAlreadyOnAir() {
        line.open("t", PLANNED_END, "moderator");
        line.join(call(1), topic(1));
        line.approve(call(1), "moderator");
        line.next(MAYOR, MAYOR_PHONE);

        assertThat(line.reject(call(1), "moderator", Optional.empty()))
                .isEqualTo(new ScreeningOutcome.NotAllowed(call(1), ScreeningState.ON_AIR));
        assertThat(line.moveUp(call(1)))
                .isEqualTo(new ScreeningOutcome.NotAllowed(call(1), ScreeningState.ON_AIR));
    }

    /** A double click on "next", or two screens: never two callers on air, and one answer per click. */
    @Test
    void twoClicksOnNextAtOnceBridgeOneCaller() throws Exception {
        line.open("t", PLANNED_END, "moderator");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 300; round++) {
                MayorCaller a = line.join(call(2 * round), topic(1));
                MayorCaller b = line.join(call(2 * round + 1), topic(2));
                line.approve(a.id(), "moderator");
                line.approve(b.id(), "moderator");
                CyclicBarrier start = new CyclicBarrier(2);
                Future<NextCaller> one = pool.submit(() -> {
                    start.await();
                    return line.next(MAYOR, MAYOR_PHONE);
                });
                Future<NextCaller> two = pool.submit(() -> {
                    start.await();
                    return line.next(MAYOR, MAYOR_PHONE);
                });
                List<NextCaller> outcomes = List.of(one.get(10, TimeUnit.SECONDS), two.get(10, TimeUnit.SECONDS));

                assertThat(outcomes).filteredOn(Bridged.class::isInstance).hasSize(1);
                assertThat(outcomes).filteredOn(StillOnAir.class::isInstance).singleElement()
                        .satisfies(o -> assertThat(((StillOnAir) o).caller().id()).isEqualTo(a.id()));
                assertThat(line.callers()).filteredOn(c -> c.state() == ScreeningState.ON_AIR).hasSize(1);
                a.talked();
                // The second caller of the round goes next, so every round starts with an empty line.
                assertThat(line.next(MAYOR, MAYOR_PHONE)).isInstanceOf(Bridged.class);
                b.talked();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Several consoles pressing "next" and ending conversations: each caller goes on air once, in line order. */
    @Test
    void concurrentNextsBridgeDifferentCallersInLineOrder() throws Exception {
        line.open("t", PLANNED_END, "moderator");
        int callers = 400;
        for (int n = 0; n < callers; n++) {
            handles.put(call(n), line.join(call(n), topic(1)));
            line.approve(call(n), "moderator");
        }
        ConcurrentLinkedQueue<CallId> bridged = new ConcurrentLinkedQueue<>();
        AtomicInteger onAirAtOnce = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> consoles = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                consoles.add(pool.submit(() -> {
                    start.await();
                    while (true) {
                        NextCaller next = line.next(MAYOR, MAYOR_PHONE);
                        if (next instanceof NoneApproved) {
                            return null;
                        }
                        if (next instanceof Bridged b) {
                            if (onAirAtOnce.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            bridged.add(b.caller().id());
                            onAirAtOnce.decrementAndGet();
                            handles.get(b.caller().id()).talked();
                        }
                    }
                }));
            }
            start.countDown();
            for (Future<?> console : consoles) {
                console.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<CallId> expected = new ArrayList<>();
        for (int n = 0; n < callers; n++) {
            expected.add(call(n));
        }
        assertThat(overlaps).hasValue(0);
        assertThat(new ArrayList<>(bridged)).containsExactlyElementsOf(expected);
        assertThat(line.callers()).extracting(MayorCallerView::state).containsOnly(ScreeningState.TALKED);
    }

    /** A session with two approved callers, the first of them taken by the mayor; returns the first. */
    private MayorCaller firstOfTwoApprovedOnAir() {
        line.open("t", PLANNED_END, "moderator");
        MayorCaller first = line.join(call(1), topic(1));
        line.join(call(2), topic(2));
        line.approve(call(1), "moderator");
        line.approve(call(2), "moderator");
        line.next(MAYOR, MAYOR_PHONE);
        return first;
    }
}
