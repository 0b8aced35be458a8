package ir.hotline137.mayor.line;

import static ir.hotline137.mayor.line.Fixtures.MAYOR;
import static ir.hotline137.mayor.line.Fixtures.MAYOR_PHONE;
import static ir.hotline137.mayor.line.Fixtures.PLANNED_END;
import static ir.hotline137.mayor.line.Fixtures.START;
import static ir.hotline137.mayor.line.Fixtures.call;
import static ir.hotline137.mayor.line.Fixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.mayor.line.MayorLineEvent.CallerChanged;
import ir.hotline137.mayor.line.MayorLineEvent.CallerJoined;
import ir.hotline137.mayor.line.MayorLineEvent.CallerLeft;
import ir.hotline137.mayor.line.MayorLineEvent.SessionClosed;
import ir.hotline137.mayor.line.MayorLineEvent.SessionOpened;
import ir.hotline137.switchboard.Subscription;
import ir.hotline137.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Lines.class)
class EventsTest {
    private final MutableClock clock = new MutableClock(START);
    private final Lines.Opened opened;
    private final MayorLine line;
    private final Recorded events = new Recorded();

    EventsTest(Lines kind) {
        opened = kind.open(clock);
        line = opened.line;
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @Test
    void aProgrammesWholeLifeIsPublishedInOrder() {
        line.subscribe(events);
        MayorSession session = line.open("t", PLANNED_END, "moderator");
        MayorCaller first = line.join(call(1), topic(1));
        clock.advance(Duration.ofSeconds(10));
        Instant t1 = clock.instant();
        MayorCaller second = line.join(call(2), topic(2));
        MayorCaller third = line.join(call(3), topic(3));
        clock.advance(Duration.ofSeconds(10));
        Instant t2 = clock.instant();
        line.moveUp(call(2));
        line.approve(call(1), "moderator");
        line.note(call(3), "water bills", "moderator");
        clock.advance(Duration.ofSeconds(10));
        Instant t3 = clock.instant();
        line.next(MAYOR, MAYOR_PHONE);
        second.abandon();
        clock.advance(Duration.ofMinutes(3));
        Instant t4 = clock.instant();
        first.talked();
        line.close(session.id(), "moderator");

        List<String> none = List.of();
        Optional<String> undecided = Optional.empty();
        Optional<Instant> never = Optional.empty();
        assertThat(events.events()).containsExactly(
                new SessionOpened(START, session),
                new CallerJoined(START, new MayorCallerView(call(1), topic(1), ScreeningState.AWAITING_SCREENING,
                        START, Duration.ZERO, 1, none, undecided, never, never, session.id(), Optional.empty(), Optional.empty())),
                new CallerJoined(t1, new MayorCallerView(call(2), topic(2), ScreeningState.AWAITING_SCREENING,
                        t1, Duration.ZERO, 2, none, undecided, never, never, session.id(), Optional.empty(), Optional.empty())),
                new CallerJoined(t1, new MayorCallerView(call(3), topic(3), ScreeningState.AWAITING_SCREENING,
                        t1, Duration.ZERO, 3, none, undecided, never, never, session.id(), Optional.empty(), Optional.empty())),
                new CallerChanged(t2, new MayorCallerView(call(2), topic(2), ScreeningState.AWAITING_SCREENING,
                        t1, Duration.ofSeconds(10), 1, none, undecided, never, never, session.id(), Optional.empty(), Optional.empty())),
                new CallerChanged(t2, new MayorCallerView(call(1), topic(1), ScreeningState.AWAITING_SCREENING,
                        START, Duration.ofSeconds(20), 2, none, undecided, never, never, session.id(), Optional.empty(), Optional.empty())),
                new CallerChanged(t2, new MayorCallerView(call(1), topic(1), ScreeningState.APPROVED,
                        START, Duration.ofSeconds(20), 2, none, Optional.of("moderator"), never, never, session.id(), Optional.empty(), Optional.empty())),
                new CallerChanged(t2, new MayorCallerView(call(3), topic(3), ScreeningState.AWAITING_SCREENING,
                        t1, Duration.ofSeconds(10), 3, List.of("moderator: water bills"), undecided, never, never, session.id(), Optional.empty(), Optional.empty())),
                new CallerChanged(t3, new MayorCallerView(call(1), topic(1), ScreeningState.ON_AIR,
                        START, Duration.ofSeconds(30), 0, none, Optional.of("moderator"), Optional.of(t3), never, session.id(), Optional.of(MAYOR), Optional.empty())),
                new CallerLeft(t3, new MayorCallerView(call(2), topic(2), ScreeningState.ABANDONED,
                        t1, Duration.ofSeconds(20), 0, none, undecided, never, Optional.of(t3), session.id(), Optional.empty(), Optional.empty())),
                new CallerChanged(t4, new MayorCallerView(call(1), topic(1), ScreeningState.TALKED,
                        START, Duration.ofSeconds(30), 0, none, Optional.of("moderator"), Optional.of(t3),
                        Optional.of(t4), session.id(), Optional.of(MAYOR), Optional.empty())),
                new CallerChanged(t4, new MayorCallerView(call(3), topic(3), ScreeningState.SESSION_CLOSED,
                        t1, Duration.ofMinutes(3).plusSeconds(20), 0, List.of("moderator: water bills"), undecided,
                        never, Optional.of(t4), session.id(), Optional.empty(), Optional.empty())),
                new SessionClosed(t4, session.closed(t4), "moderator"));
        assertThat(third.state()).isEqualTo(ScreeningState.SESSION_CLOSED);
    }

    @Test
    void aListenerThatFailsDoesNotStopTheOthersOrTheLine() {
        line.subscribe(event -> {
            throw new IllegalStateException("broken screen");
        });
        line.subscribe(events);

        line.open("t", PLANNED_END, "moderator");
        line.join(call(1), topic(1));

        assertThat(events.events()).hasSize(2);
        assertThat(line.callers()).hasSize(1);
    }

    @Test
    void aListenerMayActOnTheLineAndStillSeesEventsInOrder() {
        List<MayorLineEvent> seen = new ArrayList<>();
        line.subscribe(event -> {
            seen.add(event);
            // Re-entrant: an auto-approving screen. Its change is delivered after the event being handled.
            if (event instanceof CallerJoined joined) {
                line.approve(joined.caller().id(), "auto");
            }
        });
        line.open("t", PLANNED_END, "moderator");

        line.join(call(1), topic(1));

        assertThat(seen).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SessionOpened", "CallerJoined", "CallerChanged");
        assertThat(line.caller(call(1)).orElseThrow().state()).isEqualTo(ScreeningState.APPROVED);
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() {
        Subscription subscription = line.subscribe(events);
        line.open("t", PLANNED_END, "moderator");

        subscription.close();
        subscription.close();
        line.join(call(1), topic(1));

        assertThat(events.events()).hasSize(1);
    }
}
