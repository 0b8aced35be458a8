package ir.hotline137.mayor.file;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.mayor.line.MayorCaller;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.line.MayorTopic;
import ir.hotline137.mayor.line.ScreeningState;
import ir.hotline137.mayor.log.MapDbMayorSessionLog;
import ir.hotline137.mayor.log.SessionCaller;
import ir.hotline137.mayor.log.SessionRecorder;
import ir.hotline137.requests.Desks;
import ir.hotline137.store.Storage;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number's file outlives the programme and the process: flags set on one call show on the next, and what the
 * number did on earlier programmes is found by the number.
 */
class CallerFilesTest {
    private static final Instant START = Instant.parse("2026-12-05T09:00:00Z");
    private static final String NUMBER = "09121234567";

    @TempDir
    Path dir;

    @Test
    void flagsAndANoteAreKeptInTheirOwnOrderAndAnEmptyFileIsForgotten() {
        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS)) {
            MapDbCallerFiles files = MapDbCallerFiles.open(storage);
            files.put(new CallerFile(NUMBER, EnumSet.of(CallerFlag.OFFICIAL, CallerFlag.WARNING), "عضو شورا",
                    "host", START));
        }
        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS)) {
            MapDbCallerFiles files = MapDbCallerFiles.open(storage);
            assertThat(files.find(NUMBER)).hasValueSatisfying(file -> {
                assertThat(file.flags()).containsExactly(CallerFlag.WARNING, CallerFlag.OFFICIAL);
                assertThat(file.note()).isEqualTo("عضو شورا");
                assertThat(file.by()).isEqualTo("host");
            });
            files.put(new CallerFile(NUMBER, Set.of(), " ", "host", START.plusSeconds(60)));
            assertThat(files.find(NUMBER)).isEmpty();
        }
    }

    @Test
    void whatANumberDidOnEarlierProgrammesIsFoundLatestFirst() {
        MutableClock clock = new MutableClock(START);
        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS)) {
            MapDbMayorSessionLog log = MapDbMayorSessionLog.open(storage);
            MayorLine line = new MayorLine(clock, new SessionRecorder(log), Duration.ofMinutes(3));
            for (int week = 0; week < 3; week++) {
                var session = line.open("برنامهٔ هفته " + week, clock.instant().plus(Duration.ofHours(1)), "boss");
                MayorCaller caller = line.join(new CallId("1764925200." + week), new MayorTopic(Optional.of(NUMBER),
                        Optional.of(6), Optional.of("ترافیک"), Optional.empty()));
                line.join(new CallId("1764925300." + week), new MayorTopic(Optional.of("09120000000"),
                        Optional.of(2), Optional.empty(), Optional.empty()));
                if (week == 1) {
                    line.approve(caller.id(), "host");
                    line.next("mayor", "PJSIP/mayor");
                    caller.talked();
                }
                line.close(session.id(), "boss");
                clock.advance(Duration.ofDays(7));
            }

            assertThat(log.callsFrom(NUMBER, 2)).extracting(SessionCaller::callId, SessionCaller::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("1764925200.2", ScreeningState.SESSION_CLOSED),
                            org.assertj.core.groups.Tuple.tuple("1764925200.1", ScreeningState.TALKED));
            assertThat(log.callsFrom("09129999999", 5)).isEmpty();
        }
    }
}
