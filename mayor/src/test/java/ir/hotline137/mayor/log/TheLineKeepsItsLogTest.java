package ir.hotline137.mayor.log;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.mayor.line.MayorCaller;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.line.MayorSession;
import ir.hotline137.mayor.line.MayorTopic;
import ir.hotline137.mayor.line.ScreeningState;
import ir.hotline137.requests.Desks;
import ir.hotline137.store.Storage;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session log is kept by the line itself, as each change is made: no screen needs to be open for a
 * programme to be on record, and whatever asks right after a change (a report, a directive) finds it there.
 */
class TheLineKeepsItsLogTest {
    private static final Instant START = Instant.parse("2026-12-05T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyChangeIsInTheLogWhenTheCallReturnsAndAfterARestart() {
        MutableClock clock = new MutableClock(START);
        CallId call = new CallId("1764925200.1");
        MayorSession session;
        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS)) {
            MayorSessionLog log = MapDbMayorSessionLog.open(storage);
            MayorLine line = new MayorLine(clock, new SessionRecorder(log), Duration.ofMinutes(3));
            session = line.open("بی‌واسطه با مردم", START.plus(Duration.ofHours(1)), "supervisor");
            MayorCaller caller = line.join(call, new MayorTopic(Optional.of("09121234567"), Optional.of(6),
                    Optional.of("ترافیک بزرگراه"), Optional.empty()));
            assertThat(log.caller(call.value())).hasValueSatisfying(c ->
                    assertThat(c.state()).isEqualTo(ScreeningState.AWAITING_SCREENING));

            line.approve(call, "moderator");
            assertThat(log.caller(call.value())).hasValueSatisfying(c ->
                    assertThat(c.state()).isEqualTo(ScreeningState.APPROVED));

            line.next("mayor", "PJSIP/mayor");
            caller.talked();
            line.close(session.id(), "supervisor");
        }

        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS)) {
            MayorSessionLog log = MapDbMayorSessionLog.open(storage);
            assertThat(log.session(session.id())).hasValueSatisfying(s -> assertThat(s.closedBy()).contains("supervisor"));
            assertThat(log.caller(call.value())).hasValueSatisfying(c -> {
                assertThat(c.state()).isEqualTo(ScreeningState.TALKED);
                assertThat(c.mayor()).contains("mayor");
            });
        }
    }
}
