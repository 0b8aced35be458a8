package ir.hotline137.console.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.calls.CallLog;
import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.calls.MapDbCallLog;
import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.console.shift.ShiftApi.ShiftCall;
import ir.hotline137.console.shift.ShiftApi.ShiftView;
import ir.hotline137.console.shift.ShiftApi.WrapUpBody;
import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.Storage;
import ir.hotline137.store.StoreSettings;
import ir.hotline137.switchboard.Agent;
import ir.hotline137.switchboard.AwayReason;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.EscalationReason;
import ir.hotline137.switchboard.GatheredInfo;
import ir.hotline137.switchboard.LocalSwitchboard;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.WaitingCall;
import ir.hotline137.testsupport.MutableClock;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's day as "my shift" adds it up, on the real switchboard and store with a clock the test moves: time
 * available, on calls and away by reason, each call with its caller, request and wrap-up; a day starts at the
 * city's midnight, and a wrap-up is the taker's alone.
 */
class ShiftTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    /** 08:00 in Tehran. */
    private static final Instant MORNING = Instant.parse("2026-12-05T04:30:00Z");
    private static final Principal NADIA = () -> "nadia";

    @TempDir
    Path dir;

    @Test
    void aMorningAddsUpToTheMinute() {
        MutableClock clock = new MutableClock(MORNING, TEHRAN);
        try (Storage storage = open(); Shift shift = new Shift(storage, clock)) {
            shift.switchboard.signIn(new Agent("nadia", "نادیا", "PJSIP/105"));
            clock.advance(Duration.ofMinutes(10));
            shift.switchboard.goAway("nadia", AwayReason.PRAYER);
            clock.advance(Duration.ofMinutes(15));
            shift.switchboard.setAvailable("nadia");
            clock.advance(Duration.ofMinutes(5));
            WaitingCall answered = shift.take("1733400000.1");
            clock.advance(Duration.ofMinutes(4));
            answered.bridgeEnded();
            TrackingCode code = TrackingCode.random(new Random(7));
            shift.calls.record(record("1733400000.1", clock.instant().minus(Duration.ofMinutes(5)), clock.instant(),
                    Optional.of(code)));
            clock.advance(Duration.ofMinutes(1));
            WaitingCall unanswered = shift.take("1733400000.2");
            clock.advance(Duration.ofSeconds(30));
            unanswered.bridgeFailed();
            clock.advance(Duration.ofMinutes(2));

            ShiftView view = shift.api.shift(NADIA).block();

            assertThat(view.day()).isEqualTo(LocalDate.of(2026, 12, 5));
            assertThat(view.firstSeen()).isEqualTo(MORNING);
            assertThat(view.availableSeconds()).as("10 + 5 + 1 minutes").isEqualTo(16 * 60);
            assertThat(view.busySeconds()).as("4 minutes talking, 30 s ringing").isEqualTo(4 * 60 + 30);
            assertThat(view.awaySeconds()).containsEntry(AwayReason.PRAYER, 15L * 60)
                    .containsEntry(AwayReason.NO_ANSWER, 2L * 60);
            assertThat(view.calls()).extracting(ShiftCall::callId, ShiftCall::answered, ShiftCall::callerNumber,
                    ShiftCall::request).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("1733400000.1", true, "09121234567", code.value()),
                    org.assertj.core.groups.Tuple.tuple("1733400000.2", false, null, null));
            assertThat(view.notWrappedUp()).as("the answered call waits for its outcome").isEqualTo(1);

            shift.api.wrapUp(new WrapUpBody("1733400000.1", "new_request", "  چراغ کوچه \u202E "), NADIA).block();
            assertThat(shift.shifts.wrapUpOf("nadia", "1733400000.1")).hasValueSatisfying(w -> {
                assertThat(w.code()).isEqualTo(WrapUpCode.NEW_REQUEST);
                assertThat(w.note()).as("readable, trimmed").isEqualTo("چراغ کوچه");
            });
            shift.api.wrapUp(new WrapUpBody("1733400000.1", "FOLLOW_UP", "پیگیری بود، نه ثبت"), NADIA).block();

            ShiftView after = shift.api.shift(NADIA).block();
            assertThat(after.notWrappedUp()).isZero();
            assertThat(after.calls().getFirst().wrapUp()).as("corrected by its agent").isEqualTo(WrapUpCode.FOLLOW_UP);
            assertThat(after.calls().getFirst().wrapUpNote()).isEqualTo("پیگیری بود، نه ثبت");
            assertThat(after.wrapUps()).containsExactly(java.util.Map.entry(WrapUpCode.FOLLOW_UP, 1L));
        }
    }

    @Test
    void aDayBeginsAtTheCitysMidnightAndYesterdaysBreakCountsOnlyFromThen() {
        // 23:00 in Tehran on the 4th.
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T19:30:00Z"), TEHRAN);
        try (Storage storage = open(); Shift shift = new Shift(storage, clock)) {
            shift.switchboard.signIn(new Agent("nadia", "نادیا", "PJSIP/105"));
            shift.switchboard.goAway("nadia", AwayReason.MEAL);
            clock.advance(Duration.ofMinutes(90));

            ShiftView view = shift.api.shift(NADIA).block();

            assertThat(view.day()).isEqualTo(LocalDate.of(2026, 12, 5));
            assertThat(view.firstSeen()).isEqualTo(Instant.parse("2026-12-04T20:30:00Z"));
            assertThat(view.awaySeconds()).containsExactly(java.util.Map.entry(AwayReason.MEAL, 30L * 60));
            assertThat(view.availableSeconds()).isZero();
        }
    }

    @Test
    void onlyTheAgentWhoTookACallGivesItsOutcomeAndBadInputIsNamed() {
        MutableClock clock = new MutableClock(MORNING, TEHRAN);
        try (Storage storage = open(); Shift shift = new Shift(storage, clock)) {
            shift.switchboard.signIn(new Agent("nadia", "نادیا", "PJSIP/105"));
            shift.take("1733400000.3").bridgeEnded();

            assertThatThrownBy(() -> shift.api.wrapUp(new WrapUpBody("1733400000.3", "INFORMATION", ""), () -> "reza")
                    .block()).isInstanceOf(ApiProblem.NotFound.class).hasMessageStartingWith("callId");
            assertThatThrownBy(() -> shift.api.wrapUp(new WrapUpBody("1733400000.3", "LUNCH", ""), NADIA).block())
                    .isInstanceOf(ApiProblem.BadField.class).hasMessageStartingWith("outcome");
            assertThatThrownBy(() -> shift.api.wrapUp(new WrapUpBody("1733400000.3", "", ""), NADIA).block())
                    .isInstanceOf(ApiProblem.BadField.class).hasMessageStartingWith("outcome");
            assertThatThrownBy(() -> shift.api.wrapUp(new WrapUpBody("1733400000.3", "INFORMATION", "x".repeat(501)),
                    NADIA).block()).isInstanceOf(ApiProblem.BadField.class).hasMessageStartingWith("note");
            assertThat(shift.shifts.wrapUpOf("nadia", "1733400000.3")).as("nothing refused was kept").isEmpty();

            clock.advance(ShiftApi.WRAP_UP_WINDOW.plusMinutes(1));
            assertThatThrownBy(() -> shift.api.wrapUp(new WrapUpBody("1733400000.3", "INFORMATION", ""), NADIA)
                    .block()).as("a day later the call is history").isInstanceOf(ApiProblem.NotFound.class);
        }
    }

    @Test
    void marksAndWrapUpsSurviveARestart() {
        MutableClock clock = new MutableClock(MORNING, TEHRAN);
        try (Storage storage = open(); Shift shift = new Shift(storage, clock)) {
            shift.switchboard.signIn(new Agent("nadia", "نادیا", "PJSIP/105"));
            shift.take("1733400000.4").bridgeEnded();
            clock.advance(Duration.ofMinutes(1));
            shift.api.wrapUp(new WrapUpBody("1733400000.4", "NUISANCE", ""), NADIA).block();
            shift.switchboard.signOut("nadia");
        }
        clock.advance(Duration.ofHours(1));
        try (Storage storage = open(); Shift shift = new Shift(storage, clock)) {
            ShiftView view = shift.api.shift(NADIA).block();
            assertThat(view.calls()).singleElement().extracting(ShiftCall::wrapUp).isEqualTo(WrapUpCode.NUISANCE);
            assertThat(view.availableSeconds()).as("the minute before signing out, not the hour after")
                    .isEqualTo(60);
        }
    }

    @Test
    void aCallThatWentBackToTheQueueIsWrappedUpByTheAgentWhoAnsweredIt() {
        MutableClock clock = new MutableClock(MORNING, TEHRAN);
        try (Storage storage = open(); Shift shift = new Shift(storage, clock)) {
            shift.switchboard.signIn(new Agent("nadia", "نادیا", "PJSIP/105"));
            shift.switchboard.signIn(new Agent("reza", "رضا", "PJSIP/102"));
            WaitingCall call = shift.take("1733400000.5");
            clock.advance(Duration.ofSeconds(30));
            call.bridgeFailed();
            shift.switchboard.accept(new CallId("1733400000.5"), "reza");
            clock.advance(Duration.ofMinutes(3));
            call.bridgeEnded();

            assertThatThrownBy(() -> shift.api.wrapUp(new WrapUpBody("1733400000.5", "NUISANCE", ""), NADIA).block())
                    .as("her phone never answered it").isInstanceOf(ApiProblem.NotFound.class);
            shift.api.wrapUp(new WrapUpBody("1733400000.5", "INFORMATION", ""), () -> "reza").block();

            assertThat(shift.api.shift(NADIA).block().calls()).singleElement().satisfies(c -> {
                assertThat(c.answered()).isFalse();
                assertThat(c.wrapUp()).as("reza's outcome is not hers").isNull();
            });
            assertThat(shift.api.shift(() -> "reza").block().calls()).singleElement()
                    .extracting(ShiftCall::wrapUp).isEqualTo(WrapUpCode.INFORMATION);
        }
    }

    @Test
    void aCrashDoesNotCountTheHoursTheHotlineWasDownAndAStopEndsTheShiftWhenItStops() {
        MutableClock clock = new MutableClock(MORNING, TEHRAN);
        try (Storage storage = open()) {
            Shift crashed = new Shift(storage, clock);
            crashed.switchboard.signIn(new Agent("nadia", "نادیا", "PJSIP/105"));
            clock.advance(Duration.ofMinutes(10));
            crashed.switchboard.goAway("nadia", AwayReason.PRAYER);
            crashed.log.flush();
            // No close: the process died here.
        }
        clock.advance(Duration.ofHours(2));
        try (Storage storage = open(); Shift shift = new Shift(storage, clock)) {
            ShiftView view = shift.api.shift(NADIA).block();
            assertThat(view.availableSeconds()).isEqualTo(10 * 60);
            assertThat(view.awaySeconds()).as("ended at the last thing known of it").containsEntry(AwayReason.PRAYER, 0L);

            shift.switchboard.signIn(new Agent("nadia", "نادیا", "PJSIP/105"));
            clock.advance(Duration.ofMinutes(30));
        }
        clock.advance(Duration.ofHours(1));
        try (Storage storage = open(); Shift shift = new Shift(storage, clock)) {
            assertThat(shift.api.shift(NADIA).block().availableSeconds()).as("the stop ended her shift")
                    .isEqualTo(40 * 60);
        }
    }

    private Storage open() {
        return Storage.open(dir, new StoreSettings(Duration.ofMinutes(1), 0, 64L << 20));
    }

    private static CallRecord record(String id, Instant from, Instant to, Optional<TrackingCode> request) {
        return new CallRecord(id, Optional.of(CallerNumber.parse("09121234567")), from, to,
                List.of("menu:0", CallRecord.TO_AGENTS + "pressed-zero"), CallOutcome.ESCALATED_ANSWERED, request,
                Optional.of(Duration.ofSeconds(20)), Optional.of("nadia"), Optional.empty());
    }

    /** One agent's console pieces on one store, as the application wires them. */
    private static final class Shift implements AutoCloseable {
        final Switchboard switchboard;
        final MapDbShifts shifts;
        final CallLog calls;
        final ShiftLog log;
        final ShiftApi api;

        Shift(Storage storage, MutableClock clock) {
            switchboard = new LocalSwitchboard(clock);
            shifts = MapDbShifts.open(storage);
            calls = MapDbCallLog.open(storage);
            log = new ShiftLog(switchboard, shifts, clock);
            api = new ShiftApi(shifts, log, calls, clock);
        }

        WaitingCall take(String id) {
            WaitingCall call = switchboard.enqueue(new CallId(id), new GatheredInfo(Optional.of("09121234567"),
                    Optional.of(3), Optional.of("منطقه ۳"), Optional.empty(), Optional.empty(), List.of(),
                    EscalationReason.ASKED_FOR_AGENT, 0));
            switchboard.accept(new CallId(id), "nadia");
            return call;
        }

        @Override
        public void close() {
            log.close();
        }
    }
}
