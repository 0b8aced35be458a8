package ir.hotline137.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.store.Format1Requests;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.requests.store.RequestFilter;
import ir.hotline137.store.DataFolderException;
import ir.hotline137.store.Format1Upgrade;
import ir.hotline137.store.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder written before the journal is refused with what to do, and upgraded whole by upgrade-data. */
class Format1UpgradeTest {
    private static final List<Format1Upgrade.OldFile> OLD_FILES = List.of(MapDbRequestStore.FORMAT1,
            MapDbCallLog.FORMAT1);
    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aFormat1FolderIsRefusedThenUpgradedWithEverythingInItAndItsOldFilesKept() throws Exception {
        List<CitizenRequest> requests = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 1; i <= 30; i++) {
            requests.add(new CitizenRequest(TrackingCode.random(random), i, i, AT.plusSeconds(i), Optional.empty(), 1 + i % 22,
                    "other", "درخواست شماره " + i, RequestSource.IVR_SPEECH, Optional.empty(),
                    i % 3 == 0 ? RequestStatus.REFERRED : RequestStatus.REGISTERED,
                    List.of(new HistoryEntry(AT.plusSeconds(i), "ivr", "registered (ivr_speech)")), List.of(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty()));
        }
        Format1Requests.write(dir.resolve("requests.mapdb"), requests);
        CallRecord call = new CallRecord("1740814200.1", Optional.empty(), AT, AT.plusSeconds(40), List.of("menu:1"),
                CallOutcome.REGISTERED, Optional.of(requests.getFirst().code()), Optional.empty(), Optional.empty(),
                Optional.empty());
        Format1Calls.write(dir.resolve("calls.mapdb"), List.of(call));
        Files.writeString(dir.resolve("FORMAT"), "hotline137-data 1\n");

        assertThatThrownBy(() -> new Desks(dir, Clock.systemUTC())).isInstanceOf(DataFolderException.class)
                .hasMessageContaining("upgrade-data").hasMessageContaining("left as it is");

        Format1Upgrade.Result result = Format1Upgrade.run(dir, Desks.STORE_SETTINGS, OLD_FILES);

        assertThat(result.of("requests.mapdb")).isEqualTo(30);
        assertThat(result.of("calls.mapdb")).isEqualTo(1);
        assertThat(dir.resolve("format1/requests.mapdb")).exists();
        assertThat(dir.resolve("upgrade")).doesNotExist();
        assertThat(Files.readString(dir.resolve("FORMAT"))).isEqualTo("hotline137-data 2\n");
        try (Desks desks = new Desks(dir, Clock.systemUTC(), Duration.ofMinutes(1), 11)) {
            for (CitizenRequest old : requests) {
                CitizenRequest now = desks.store.find(old.code()).orElseThrow();
                assertThat(now.description()).isEqualTo(old.description());
                assertThat(now.status()).isEqualTo(old.status());
                assertThat(now.history()).isEqualTo(old.history());
                assertThat(now.createdAt()).isEqualTo(old.createdAt());
            }
            assertThat(desks.store.search(RequestFilter.ALL, 0, 1).items().getFirst().code())
                    .as("newest first, as before").isEqualTo(requests.getLast().code());
            assertThat(MapDbCallLog.open(desks.storage).between(AT, AT.plusSeconds(1))).containsExactly(call);
        }
    }

    @Test
    void aFolderHoldingAFileTheUpgradeCannotCopyIsLeftAsItIs() throws Exception {
        Format1Requests.write(dir.resolve("requests.mapdb"), List.of());
        Files.writeString(dir.resolve("mayor-sessions.mapdb"), "a feature's file this list does not name");
        Files.writeString(dir.resolve("FORMAT"), "hotline137-data 1\n");

        assertThatThrownBy(() -> Format1Upgrade.run(dir, Desks.STORE_SETTINGS, OLD_FILES))
                .isInstanceOf(DataFolderException.class).hasMessageContaining("mayor-sessions.mapdb")
                .hasMessageContaining("Nothing was changed");
        assertThat(Files.readString(dir.resolve("FORMAT"))).isEqualTo("hotline137-data 1\n");
        assertThat(dir.resolve("format1")).doesNotExist();
    }
}
