package ir.hotline137.mayor.log;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.mayor.line.ScreeningState;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.store.Format1Upgrade;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** upgrade-data carries the mayor's format-1 session log into the journal with everything in it. */
class Format1SessionsUpgradeTest {
    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aFormat1SessionLogIsCopiedIntoTheJournalAndItsOldFileKept() throws Exception {
        SessionRecord session = MayorSessionLogContract.session("s1", AT);
        SessionCaller caller = MayorSessionLogContract.caller("s1", "call-1", AT.plusSeconds(60), ScreeningState.TALKED);
        Directive directive = new Directive("s1", "call-1", TrackingCode.random(new Random(3)), AT.plusSeconds(600),
                "mayor");
        Format1Sessions.write(dir.resolve("mayor-sessions.mapdb"), session, List.of(caller), List.of(directive));
        Files.writeString(dir.resolve("FORMAT"), "hotline137-data 1\n");
        List<Format1Upgrade.OldFile> oldFiles = List.of(MapDbRequestStore.FORMAT1, MapDbMayorSessionLog.FORMAT1);

        Format1Upgrade.Result result = Format1Upgrade.run(dir, Desks.STORE_SETTINGS, oldFiles);

        assertThat(result.of("mayor-sessions.mapdb")).isEqualTo(3);
        assertThat(dir.resolve("format1/mayor-sessions.mapdb")).exists();
        try (Desks desks = new Desks(dir, Clock.systemUTC(), Duration.ofMinutes(1), 11)) {
            MapDbMayorSessionLog log = MapDbMayorSessionLog.open(desks.storage);
            assertThat(log.session("s1")).contains(session);
            assertThat(log.callers("s1")).containsExactly(caller);
            assertThat(log.caller("call-1")).contains(caller);
            assertThat(log.directives("s1")).containsExactly(directive);
        }
    }
}
