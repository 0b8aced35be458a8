package ir.hotline137.mayor.line;

import static ir.hotline137.mayor.line.Fixtures.MAYOR;
import static ir.hotline137.mayor.line.Fixtures.MAYOR_PHONE;
import static ir.hotline137.mayor.line.Fixtures.PLANNED_END;
import static ir.hotline137.mayor.line.Fixtures.START;
import static ir.hotline137.mayor.line.Fixtures.call;
import static ir.hotline137.mayor.line.Fixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Lines.class)
class SessionTest {
    private final MutableClock clock = new MutableClock(START);
    private final Lines.Opened opened;
    private final MayorLine line;
    SessionTest(Lines kind) {
        opened = kind.open(clock);
        line = opened.line;
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @Test
    void aSessionOpensWithWhatWasAnnounced() {
        MayorSession session = line.open("  گفتگوی زنده با شهردار ", PLANNED_END, "moderator");

        assertThat(session.title()).isEqualTo("گفتگوی زنده با شهردار");
        assertThat(session.openedAt()).isEqualTo(START);
        assertThat(session.plannedEnd()).isEqualTo(PLANNED_END);
        assertThat(session.openedBy()).isEqualTo("moderator");
        assertThat(session.closedAt()).isEmpty();
        assertThat(session.isOpen()).isTrue();
        assertThat(line.current()).contains(session);
    }

    @Test
    void atMostOneSessionIsOpen() {
        MayorSession first = line.open("first", PLANNED_END, "moderator");

        assertThatThrownBy(() -> line.open("second", PLANNED_END, "other")).isInstanceOf(IllegalStateException.class);
        assertThat(line.current()).contains(first);

        line.close(first.id(), "moderator");
        assertThat(line.current()).isEmpty();
        MayorSession second = line.open("second", PLANNED_END, "other");
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(line.current()).contains(second);
    }

    @Test
    void aSessionNeedsATitleAndAnEndInTheFuture() {
        assertThatThrownBy(() -> line.open(" ", PLANNED_END, "moderator")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line.open("t", START, "moderator")).isInstanceOf(IllegalArgumentException.class);
        assertThat(line.current()).isEmpty();
    }

    @Test
    void nobodyJoinsWithoutAnOpenSession() {
        assertThatThrownBy(() -> line.join(call(1), topic(1))).isInstanceOf(IllegalStateException.class);

        MayorSession session = line.open("t", PLANNED_END, "moderator");
        line.close(session.id(), "moderator");

        assertThatThrownBy(() -> line.join(call(1), topic(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCallJoinsASessionOnce() {
        line.open("t", PLANNED_END, "moderator");
        line.join(call(1), topic(1));

        assertThatThrownBy(() -> line.join(call(1), topic(1))).isInstanceOf(IllegalStateException.class);
        assertThat(line.callers()).hasSize(1);
    }

    @Test
    void closingDismissesTheCallersStillWaitingAndWakesThem() throws Exception {
        MayorSession session = line.open("t", PLANNED_END, "moderator");
        MayorCaller onAir = line.join(call(1), topic(1));
        MayorCaller approved = line.join(call(2), topic(2));
        MayorCaller unscreened = line.join(call(3), topic(3));
        MayorCaller rejected = line.join(call(4), topic(4));
        MayorCaller gone = line.join(call(5), topic(5));
        line.approve(call(1), "moderator");
        line.approve(call(2), "moderator");
        line.reject(call(4), "moderator", Optional.empty());
        gone.abandon();
        line.next(MAYOR, MAYOR_PHONE);
        clock.advance(Duration.ofMinutes(10));
        Instant closedAt = clock.instant();

        var dismissed = line.close(session.id(), "moderator");

        assertThat(dismissed).extracting(MayorCallerView::id).containsExactly(call(2), call(3));
        assertThat(dismissed).allSatisfy(view -> {
            assertThat(view.state()).isEqualTo(ScreeningState.SESSION_CLOSED);
            assertThat(view.position()).isZero();
            assertThat(view.endedAt()).contains(closedAt);
            assertThat(view.waited()).isEqualTo(Duration.ofMinutes(10));
        });
        assertThat(unscreened.turn()).isEqualTo(new Turn.SessionClosed());
        assertThat(approved.turn()).isEqualTo(new Turn.SessionClosed());
        assertThat(rejected.turn()).isEqualTo(new Turn.Rejected("moderator"));
        assertThat(line.current()).isEmpty();
        assertThat(line.callers()).isEmpty();

        // The caller on air finishes their sentence; the programme's end does not cut them off.
        assertThat(onAir.state()).isEqualTo(ScreeningState.ON_AIR);
        onAir.talked();
        assertThat(onAir.state()).isEqualTo(ScreeningState.TALKED);
        assertThat(line.next(MAYOR, MAYOR_PHONE)).isEqualTo(new NextCaller.NoSession());
    }

    @Test
    void messagesBetweenTheScreeningRoomAndTheMayorLastAsLongAsTheProgramme() {
        assertThatThrownBy(() -> line.say("moderator", "کسی نیست")).as("no programme, nobody to read it")
                .isInstanceOf(IllegalStateException.class);
        MayorSession session = line.open("t", PLANNED_END, "moderator");
        assertThatThrownBy(() -> line.say("moderator", "  ")).isInstanceOf(IllegalArgumentException.class);

        LineMessage first = line.say("moderator", "  دو دقیقه مانده ");
        clock.advance(Duration.ofSeconds(5));
        for (int n = 1; n <= MayorLine.MESSAGES_KEPT; n++) {
            line.say("mayor", "پیام " + n);
        }

        assertThat(first).isEqualTo(new LineMessage(START, "moderator", "دو دقیقه مانده"));
        assertThat(line.messages()).hasSize(MayorLine.MESSAGES_KEPT).doesNotContain(first);
        assertThat(line.messages().getLast()).isEqualTo(new LineMessage(START.plusSeconds(5), "mayor",
                "پیام " + MayorLine.MESSAGES_KEPT));
        line.close(session.id(), "moderator");
        assertThat(line.messages()).isEmpty();
    }

    @Test
    void closingTwiceOrTheWrongSessionDoesNothing() {
        MayorSession session = line.open("t", PLANNED_END, "moderator");
        line.join(call(1), topic(1));

        assertThat(line.close("no-such-session", "moderator")).isEmpty();
        assertThat(line.current()).contains(session);

        assertThat(line.close(session.id(), "moderator")).hasSize(1);
        assertThat(line.close(session.id(), "moderator")).isEmpty();
    }

    @Test
    void theMayorStillOnAirAtClosingIsNotFreeInTheNextSessionUntilTheyFinish() {
        MayorSession first = line.open("first", PLANNED_END, "moderator");
        MayorCaller onAir = line.join(call(1), topic(1));
        line.approve(call(1), "moderator");
        line.next(MAYOR, MAYOR_PHONE);
        line.close(first.id(), "moderator");
        line.open("second", PLANNED_END, "moderator");
        line.join(call(2), topic(2));
        line.approve(call(2), "moderator");

        assertThat(line.next(MAYOR, MAYOR_PHONE)).isInstanceOf(NextCaller.StillOnAir.class);

        onAir.talked();
        assertThat(line.next(MAYOR, MAYOR_PHONE)).isInstanceOfSatisfying(NextCaller.Bridged.class,
                bridged -> assertThat(bridged.caller().id()).isEqualTo(call(2)));
        assertThat(line.callers()).extracting(MayorCallerView::id).containsExactly(call(2));
        assertThat(onAir.view().onAirAt()).isEqualTo(Optional.of(START));
    }
}
