package ir.hotline137.mayor.line;

import static ir.hotline137.mayor.line.Fixtures.MAYOR;
import static ir.hotline137.mayor.line.Fixtures.MAYOR_PHONE;
import static ir.hotline137.mayor.line.Fixtures.PLANNED_END;
import static ir.hotline137.mayor.line.Fixtures.START;
import static ir.hotline137.mayor.line.Fixtures.call;
import static ir.hotline137.mayor.line.Fixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.mayor.line.MayorLineEvent.CallerLeft;
import ir.hotline137.mayor.line.NextCaller.Bridged;
import ir.hotline137.mayor.line.ScreeningOutcome.Done;
import ir.hotline137.mayor.line.ScreeningOutcome.NotAllowed;
import ir.hotline137.mayor.line.ScreeningOutcome.NotInLine;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Lines.class)
class ScreeningTest {
    private final MutableClock clock = new MutableClock(START);
    private final Lines.Opened opened;
    private final MayorLine line;
    private final Recorded events = new Recorded();
    private final MayorSession session;

    ScreeningTest(Lines kind) {
        opened = kind.open(clock);
        line = opened.line;
        session = line.open("t", PLANNED_END, "moderator");
        line.subscribe(events);
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @Test
    void aReasonForTurningACallerAwayIsKeptAmongTheirNotes() {
        line.join(call(1), topic(1));
        line.join(call(2), topic(2));

        line.reject(call(1), "moderator", Optional.of("  پرسش شخصی، نه شهری "));
        line.reject(call(2), "moderator", Optional.of(" "));

        assertThat(line.caller(call(1)).orElseThrow().notes())
                .containsExactly("moderator: " + MayorLine.REJECTED_BECAUSE + "پرسش شخصی، نه شهری");
        assertThat(line.caller(call(2)).orElseThrow().notes()).as("a blank reason is none").isEmpty();
    }

    @Test
    void aNewCallerAwaitsScreeningAtTheBack() {
        line.join(call(1), topic(1));
        clock.advance(Duration.ofSeconds(30));
        MayorCaller second = line.join(call(2), topic(2));
        clock.advance(Duration.ofSeconds(15));

        assertThat(second.position()).isEqualTo(2);
        assertThat(second.state()).isEqualTo(ScreeningState.AWAITING_SCREENING);
        assertThat(line.callers()).containsExactly(
                new MayorCallerView(call(1), topic(1), ScreeningState.AWAITING_SCREENING, START,
                        Duration.ofSeconds(45), 1, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), session.id(), Optional.empty(), Optional.empty()),
                new MayorCallerView(call(2), topic(2), ScreeningState.AWAITING_SCREENING, START.plusSeconds(30),
                        Duration.ofSeconds(15), 2, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), session.id(), Optional.empty(), Optional.empty()));
    }

    @Test
    void theMayorTakesApprovedCallersInTheOrderTheModeratorSet() {
        Map<CallId, MayorCaller> handles = new HashMap<>();
        for (int n = 1; n <= 4; n++) {
            handles.put(call(n), line.join(call(n), topic(n)));
        }

        assertThat(line.moveUp(call(3))).isInstanceOf(Done.class);     // 1 3 2 4
        assertThat(line.moveDown(call(1))).isInstanceOf(Done.class);   // 3 1 2 4
        assertThat(line.moveDown(call(4))).isInstanceOf(Done.class);   // at the back already
        assertThat(line.moveUp(call(3))).isInstanceOf(Done.class);     // at the front already
        assertThat(line.callers()).extracting(MayorCallerView::id).containsExactly(call(3), call(1), call(2), call(4));
        assertThat(line.callers()).extracting(MayorCallerView::position).containsExactly(1, 2, 3, 4);

        // Approval order does not matter; line order does. call(2) is never approved and is skipped.
        line.approve(call(4), "moderator");
        line.approve(call(1), "moderator");
        line.approve(call(3), "moderator");
        List<CallId> bridged = new ArrayList<>();
        NextCaller next;
        while ((next = line.next(MAYOR, MAYOR_PHONE)) instanceof Bridged b) {
            bridged.add(b.caller().id());
            handles.get(b.caller().id()).talked();
        }

        assertThat(bridged).containsExactly(call(3), call(1), call(4));
        assertThat(next).isEqualTo(new NextCaller.NoneApproved());
        assertThat(line.callers()).extracting(MayorCallerView::state).containsExactly(ScreeningState.TALKED,
                ScreeningState.TALKED, ScreeningState.AWAITING_SCREENING, ScreeningState.TALKED);
        assertThat(line.caller(call(2)).orElseThrow().position()).isEqualTo(1);
    }

    @Test
    void movingSkipsCallersNoLongerWaiting() {
        MayorCaller first = line.join(call(1), topic(1));
        line.join(call(2), topic(2));
        MayorCaller third = line.join(call(3), topic(3));
        line.reject(call(2), "moderator", Optional.empty());

        line.moveUp(call(3));

        assertThat(line.callers()).extracting(MayorCallerView::id).containsExactly(call(3), call(2), call(1));
        assertThat(List.of(third.position(), first.position())).containsExactly(1, 2);
        assertThat(line.moveUp(call(2))).isEqualTo(new NotAllowed(call(2), ScreeningState.REJECTED));
    }

    @Test
    void aRejectedCallerIsToldSo() throws Exception {
        MayorCaller caller = line.join(call(1), topic(1));
        MayorCaller behind = line.join(call(2), topic(2));
        clock.advance(Duration.ofSeconds(40));

        ScreeningOutcome outcome = line.reject(call(1), "moderator", Optional.empty());

        assertThat(caller.turn()).isEqualTo(new Turn.Rejected("moderator"));
        assertThat(outcome).isInstanceOfSatisfying(Done.class, done -> {
            assertThat(done.caller().state()).isEqualTo(ScreeningState.REJECTED);
            assertThat(done.caller().decidedBy()).contains("moderator");
            assertThat(done.caller().position()).isZero();
        });
        assertThat(behind.position()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(5));
        assertThat(caller.view().waited()).isEqualTo(Duration.ofSeconds(40));
        assertThat(line.approve(call(1), "other")).isEqualTo(new NotAllowed(call(1), ScreeningState.REJECTED));
        assertThat(line.reject(call(1), "other", Optional.empty())).isInstanceOf(Done.class);
        assertThat(caller.view().decidedBy()).contains("moderator");
    }

    @Test
    void anApprovedCallerCanStillBeRejectedBeforeTheMayorTakesThem() throws Exception {
        MayorCaller caller = line.join(call(1), topic(1));
        line.approve(call(1), "moderator");

        line.reject(call(1), "chief", Optional.empty());

        assertThat(caller.turn()).isEqualTo(new Turn.Rejected("chief"));
        assertThat(line.next(MAYOR, MAYOR_PHONE)).isEqualTo(new NextCaller.NoneApproved());
    }

    @Test
    void approvingTwiceIsHarmless() {
        line.join(call(1), topic(1));
        line.approve(call(1), "moderator");
        events.clear();

        assertThat(line.approve(call(1), "other")).isInstanceOfSatisfying(Done.class,
                done -> assertThat(done.caller().decidedBy()).contains("moderator"));
        assertThat(events.events()).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpLeavesTheLine() throws Exception {
        MayorCaller caller = line.join(call(1), topic(1));
        MayorCaller behind = line.join(call(2), topic(2));
        line.approve(call(1), "moderator");
        clock.advance(Duration.ofSeconds(20));
        events.clear();

        caller.abandon();
        caller.abandon();

        MayorCallerView gone = caller.view();
        assertThat(gone.state()).isEqualTo(ScreeningState.ABANDONED);
        assertThat(gone.position()).isZero();
        assertThat(gone.endedAt()).contains(START.plusSeconds(20));
        assertThat(behind.position()).isEqualTo(1);
        assertThat(events.events()).containsExactly(new CallerLeft(START.plusSeconds(20), gone));
        assertThat(caller.turn()).isEqualTo(new Turn.HungUp());
        assertThat(line.next(MAYOR, MAYOR_PHONE)).isEqualTo(new NextCaller.NoneApproved());

        // Still listed for the report, and the moderator's late clicks are answered, not thrown.
        assertThat(line.callers()).extracting(MayorCallerView::id).containsExactly(call(1), call(2));
        line.join(call(3), topic(3));
        assertThat(caller.position()).isZero();
        assertThat(line.approve(call(1), "moderator")).isEqualTo(new NotAllowed(call(1), ScreeningState.ABANDONED));
        assertThat(line.reject(call(1), "moderator", Optional.empty())).isEqualTo(new NotAllowed(call(1), ScreeningState.ABANDONED));
        assertThat(line.moveUp(call(1))).isEqualTo(new NotAllowed(call(1), ScreeningState.ABANDONED));
        assertThat(line.moveDown(call(1))).isEqualTo(new NotAllowed(call(1), ScreeningState.ABANDONED));
        assertThat(line.note(call(1), "hung up angry", "moderator")).isInstanceOf(Done.class);
    }

    @Test
    void aCallerWhoHangsUpIsGoneFromTheirTurnAtOnce() {
        MayorCaller caller = line.join(call(1), topic(1));

        caller.abandon();

        assertThat(caller.turn()).isEqualTo(new Turn.HungUp());
    }

    @Test
    void anApprovedCallerStillWaitsUntilTheMayorTakesThem() {
        MayorCaller caller = line.join(call(1), topic(1));
        line.approve(call(1), "moderator");

        assertThat(caller.turn()).isEqualTo(new Turn.StillWaiting());
        assertThat(caller.position()).isEqualTo(1);
    }

    @Test
    void notesAreKeptInOrderWithTheirAuthor() {
        line.join(call(1), topic(1));

        line.note(call(1), "  about the metro line ", "moderator");
        ScreeningOutcome outcome = line.note(call(1), "speaks quickly", "chief");

        assertThat(outcome).isInstanceOfSatisfying(Done.class, done -> assertThat(done.caller().notes())
                .containsExactly("moderator: about the metro line", "chief: speaks quickly"));
        assertThatThrownBy(() -> line.note(call(1), " ", "moderator")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallNotInTheSessionIsNotInLine() {
        assertThat(line.approve(call(9), "moderator")).isEqualTo(new NotInLine(call(9)));
        assertThat(line.reject(call(9), "moderator", Optional.empty())).isEqualTo(new NotInLine(call(9)));
        assertThat(line.moveUp(call(9))).isEqualTo(new NotInLine(call(9)));
        assertThat(line.moveDown(call(9))).isEqualTo(new NotInLine(call(9)));
        assertThat(line.note(call(9), "x", "moderator")).isEqualTo(new NotInLine(call(9)));

        line.join(call(1), topic(1));
        line.close(line.current().orElseThrow().id(), "moderator");
        assertThat(line.approve(call(1), "moderator")).isEqualTo(new NotInLine(call(1)));
    }
}
