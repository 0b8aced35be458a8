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

class MapDbCallLogTest {
    private static final Instant MORNING = Instant.parse("2025-03-01T07:30:00Z");

    @TempDir
    Path dir;

    @Test
    void everyFieldComesBackAsItWasRecorded() {
        CallRecord full = new CallRecord("1740814200.17", Optional.of(new CallerNumber("09121234567")),
                MORNING.plusNanos(123_456_789), MORNING.plusSeconds(301),
                List.of("menu:0", "district:5", "description", "switchboard"), CallOutcome.ESCALATED_ANSWERED,
                Optional.of(TrackingCode.parse(code(1))), Optional.of(Duration.ofSeconds(95, 500_000_000)),
                Optional.of("sara"), Optional.of("/data/recordings/2025/03/01/1740814200.17.wav"));
        CallRecord bare = new CallRecord("1740814200.18", Optional.empty(), MORNING.plusSeconds(400),
                MORNING.plusSeconds(410), List.of(), CallOutcome.HUNG_UP,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        try (Storage storage = storage()) {
            MapDbCallLog log = MapDbCallLog.open(storage);
            log.record(full);
            log.record(bare);
        }
        try (Storage storage = storage()) {
            MapDbCallLog log = MapDbCallLog.open(storage);
            assertThat(log.between(MORNING, MORNING.plusSeconds(3_600))).containsExactly(full, bare);
        }
    }

    @Test
    void persianTextInFieldsSurvives() {
        CallRecord call = new CallRecord("1740814200.1", Optional.empty(), MORNING, MORNING.plusSeconds(30),
                List.of("منو:۱", "منطقه:۵"), CallOutcome.ENDED, Optional.empty(), Optional.empty(),
                Optional.of("سارا"), Optional.of("/data/ضبط/تماس.wav"));
        try (Storage storage = storage()) {
            MapDbCallLog log = MapDbCallLog.open(storage);
            log.record(call);

            assertThat(log.between(MORNING, MORNING.plusSeconds(1))).containsExactly(call);
        }
    }

    @Test
    void betweenIncludesTheStartAndExcludesTheEndInStartOrder() {
        try (Storage storage = storage()) {
            MapDbCallLog log = MapDbCallLog.open(storage);
            CallRecord before = call("c0", MORNING.minusNanos(1));
            CallRecord atStart = call("c1", MORNING);
            CallRecord later = call("c2", MORNING.plusSeconds(3_000));
            CallRecord sameMilliLater = call("c3", MORNING.plusSeconds(60).plusNanos(900_000));
            CallRecord sameMilliEarlier = call("c4", MORNING.plusSeconds(60).plusNanos(100_000));
            CallRecord justBeforeEnd = call("c5", MORNING.plusSeconds(3_600).minusNanos(1));
            CallRecord atEnd = call("c6", MORNING.plusSeconds(3_600));
            // Recorded out of start order, as calls end in a different order from the one they began in.
            for (CallRecord call : List.of(later, atEnd, justBeforeEnd, sameMilliLater, before, sameMilliEarlier, atStart)) {
                log.record(call);
            }

            assertThat(log.between(MORNING, MORNING.plusSeconds(3_600))).extracting(CallRecord::callId)
                    .containsExactly("c1", "c4", "c3", "c2", "c5");
            assertThat(log.between(MORNING.plusSeconds(60).plusNanos(500_000), MORNING.plusSeconds(61)))
                    .extracting(CallRecord::callId).containsExactly("c3");
            assertThat(log.between(Instant.MIN, Instant.MAX)).hasSize(7);
            assertThat(log.between(MORNING.plusSeconds(10), MORNING)).isEmpty();
            assertThat(log.between(MORNING, MORNING)).isEmpty();
            assertThat(log.count()).isEqualTo(7);
        }
    }

    @Test
    void callsStartingInTheSameInstantAreAllKept() {
        try (Storage storage = storage()) {
            MapDbCallLog log = MapDbCallLog.open(storage);
            log.record(call("a", MORNING));
            log.record(call("b", MORNING));
            log.record(call("c", MORNING));

            assertThat(log.between(MORNING, MORNING.plusMillis(1))).extracting(CallRecord::callId)
                    .containsExactly("a", "b", "c");
            assertThat(log.count()).isEqualTo(3);
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

    private static CallRecord call(String id, Instant startedAt) {
        return new CallRecord(id, Optional.of(new CallerNumber("02188776655")), startedAt, startedAt.plusSeconds(90),
                List.of("menu:2"), CallOutcome.STATUS_HEARD, Optional.of(TrackingCode.parse(code(7))),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A valid tracking code (seven digits and the check digit). */
    private static String code(int n) {
        String body = Integer.toString(1_000_000 + n);
        return body + TrackingCode.checkDigit(body);
    }
}
