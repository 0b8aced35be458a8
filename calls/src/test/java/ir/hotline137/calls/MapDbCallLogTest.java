package ir.hotline137.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.Storage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapDbCallLogTest extends CallLogContract {
    @TempDir
    Path dir;

    private Storage storage;

    @Override
    CallLog open() {
        storage = storage();
        return MapDbCallLog.open(storage);
    }

    @Override
    CallLog reopen() {
        storage.close();
        return open();
    }

    @Override
    void release() {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void theLogSurvivesCloseAndReopenAndGoesOnFromWhereItWas() {
        try (Storage storage = storage()) {
            MapDbCallLog log = MapDbCallLog.open(storage);
            log.record(call("first", MORNING));
            log.record(call("second", MORNING.plusSeconds(5)));
            assertThat(storage.folder().callsFile()).isEqualTo(dir.toAbsolutePath().normalize().resolve("calls.mapdb"))
                    .exists();
        }

        try (Storage storage = storage()) {
            MapDbCallLog log = MapDbCallLog.open(storage);
            assertThat(log.count()).isEqualTo(2);
            // Same start as an existing call: the sequence must carry on, not restart and overwrite it.
            log.record(call("third", MORNING));
        }
        try (Storage storage = storage()) {
            MapDbCallLog log = MapDbCallLog.open(storage);
            assertThat(log.between(MORNING, MORNING.plusSeconds(60))).extracting(CallRecord::callId)
                    .containsExactly("first", "third", "second");
        }
    }

    @Test
    void aRecordOfAnUnknownVersionIsRefusedNotMisread() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CallRecordCodec.write(new DataOutputStream(bytes), call("x", MORNING));
        byte[] stored = bytes.toByteArray();
        assertThat(CallRecordCodec.read(new DataInputStream(new ByteArrayInputStream(stored)))).isEqualTo(call("x", MORNING));

        stored[0] = 9;

        assertThatThrownBy(() -> CallRecordCodec.read(new DataInputStream(new ByteArrayInputStream(stored))))
                .isInstanceOf(IOException.class).hasMessageContaining("version 9");
    }

    @Test
    void aFileThatIsNotOursIsMovedAsideNotOverwrittenAndTheLogComesFromTheJournal() throws IOException {
        try (Storage storage = storage()) {
            MapDbCallLog.open(storage).record(call("kept", MORNING));
        }
        Path file = dir.resolve("calls.mapdb");
        byte[] garbage = "this is not a MapDB file, but it is somebody's".repeat(100).getBytes();
        Files.write(file, garbage);
        Files.delete(dir.resolve("calls.mapdb.checkpoint"));

        try (Storage storage = storage()) {
            MapDbCallLog log = MapDbCallLog.open(storage);
            assertThat(log.between(MORNING, MORNING.plusSeconds(1))).extracting(CallRecord::callId).containsExactly("kept");
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("calls.mapdb.unmarked-")).findFirst()
                    .orElseThrow();
            assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
        }
    }

    private Storage storage() {
        return Storage.open(dir, Desks.STORE_SETTINGS);
    }
}
