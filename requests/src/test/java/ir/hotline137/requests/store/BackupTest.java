package ir.hotline137.requests.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.duplicates.IndexReconciliation;
import ir.hotline137.store.Backup;
import ir.hotline137.store.DataFolderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup taken while callers register, restored into a new folder as an operator would on a new machine. */
class BackupTest {
    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileRegisteringHoldsEveryRequestAcknowledgedBeforeItBegan() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backup");
        Path restored = dir.resolve("restored");
        List<TrackingCode> acknowledged = new CopyOnWriteArrayList<>();
        List<TrackingCode> beforeBackup;
        try (Desks desks = new Desks(data, Clock.systemUTC())) {
            Path recording = desks.folder.recordingsFolder().resolve("2026/12/05/call-1-description.wav");
            Files.createDirectories(recording.getParent());
            Files.write(recording, new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                callers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        CitizenRequest r = desks.desk.register(NewRequest.fromCaller("0912" + String.format("%07d", thread * 100_000 + i),
                                1 + i % 22, "چراغ خیابان شماره " + i + " خاموش است", RequestSource.IVR_SPEECH));
                        acknowledged.add(r.code());
                    }
                }));
            }
            while (acknowledged.size() < 200) {
                Thread.sleep(5);
            }
            beforeBackup = List.copyOf(acknowledged);

            Backup.Contents contents = Backup.create(data, backup);

            stop.set(true);
            for (Thread caller : callers) {
                caller.join();
            }
            assertThat(contents.records()).isGreaterThanOrEqualTo(beforeBackup.size());
            assertThat(contents.changesPerMap()).containsKey("requests");
            assertThat(contents.recordings()).isEqualTo(1);
        }
        assertThat(acknowledged.size()).as("callers went on registering during the backup").isGreaterThan(beforeBackup.size());

        Backup.restore(backup, restored);

        try (Desks again = new Desks(restored, Clock.systemUTC(), Duration.ofMinutes(1), 99)) {
            for (TrackingCode code : beforeBackup) {
                assertThat(again.store.find(code)).as("request %s acknowledged before the backup", code).isPresent();
            }
            assertThat(IndexReconciliation.reconcile(again.store, again.index)).as("the index is made from the restored store")
                    .isNotInstanceOf(IndexReconciliation.UpToDate.class);
            assertThat(again.index.size()).isEqualTo(again.store.count());
            assertThat(again.folder.recordingsFolder().resolve("2026/12/05/call-1-description.wav")).exists();
            // the restored folder goes on taking requests
            again.desk.register(NewRequest.fromCaller("09120000000", 3, "چاله در خیابان", RequestSource.API));
        }
    }

    @Test
    void verifyFindsADamagedBackupAndRestoreRefusesIt() throws Exception {
        Path data = dir.resolve("data");
        try (Desks desks = new Desks(data, Clock.systemUTC())) {
            for (int i = 0; i < 20; i++) {
                desks.desk.register(NewRequest.fromCaller("0912000000" + (i % 10), 2, "زباله " + i, RequestSource.API));
            }
        }
        Path backup = dir.resolve("backup");
        Backup.create(data, backup);
        Path segment;
        try (Stream<Path> files = Files.list(backup.resolve("journal"))) {
            segment = files.filter(p -> p.toString().endsWith(".journal")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(segment, bytes);

        assertThatThrownBy(() -> Backup.verify(backup)).isInstanceOf(DataFolderException.class)
                .hasMessageContaining(segment.getFileName().toString()).hasMessageContaining("damaged");
        assertThatThrownBy(() -> Backup.restore(backup, dir.resolve("restored"))).isInstanceOf(DataFolderException.class);
        assertThat(dir.resolve("restored")).doesNotExist();
    }

    @Test
    void restoreNeverWritesIntoAFolderThatHoldsAnything() throws Exception {
        Path data = dir.resolve("data");
        try (Desks desks = new Desks(data, Clock.systemUTC())) {
            desks.desk.register(NewRequest.fromCaller("09120000001", 2, "زباله", RequestSource.API));
        }
        Backup.create(data, dir.resolve("backup"));
        assertThatThrownBy(() -> Backup.restore(dir.resolve("backup"), data)).isInstanceOf(DataFolderException.class)
                .hasMessageContaining("not empty");
        assertThatThrownBy(() -> Backup.create(data, dir.resolve("backup"))).isInstanceOf(DataFolderException.class)
                .hasMessageContaining("not empty");
    }
}
