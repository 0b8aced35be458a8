package ir.hotline137.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCheckTest {
    @TempDir
    Path dir;

    @Test
    void aSoundFolderIsSaidToBeSound() {
        try (StorageTest.Notes n = new StorageTest.Notes(Storage.open(dir, StorageTest.SETTINGS))) {
            n.add("one");
        }
        DataCheck.Report report = DataCheck.run(dir, false);
        assertThat(report.sound()).isTrue();
        assertThat(report.lines()).contains("the data folder is sound").anyMatch(l -> l.contains("1 readable records"));
    }

    @Test
    void recoveryKeepsEveryReadableRecordAroundTheDamageAndDeletesNothing() throws Exception {
        StorageTest.written(dir, 300);
        Path first = StorageTest.segments(dir).getFirst();
        byte[] bytes = Files.readAllBytes(first);
        bytes[Journal.SEGMENT_HEADER + 20] ^= 0x55; // inside the first record
        Files.write(first, bytes);

        DataCheck.Report check = DataCheck.run(dir, false);
        assertThat(check.sound()).isFalse();
        assertThat(check.lines()).anyMatch(l -> l.startsWith(first.getFileName().toString()) && l.contains("unreadable"));

        DataCheck.Report recovered = DataCheck.run(dir, true);
        assertThat(recovered.sound()).isTrue();
        assertThat(recovered.lines()).anyMatch(l -> l.startsWith("recovered: 299 records kept"));
        Path aside;
        try (Stream<Path> files = Files.list(dir)) {
            aside = files.filter(p -> p.getFileName().toString().startsWith("journal.damaged-")).findFirst().orElseThrow();
        }
        assertThat(Files.readAllBytes(aside.resolve(first.getFileName()))).isEqualTo(bytes);

        try (StorageTest.Notes n = new StorageTest.Notes(Storage.open(dir, StorageTest.SETTINGS))) {
            assertThat(n.notes.get("n1")).as("the damaged record's change is lost").isNull();
            assertThat(n.notes.get("n2")).isEqualTo("note 1");
            assertThat(n.notes.get("n300")).isEqualTo("note 299");
            assertThat(n.notes.size()).isEqualTo(299);
        }
        assertThat(DataCheck.run(dir, false).sound()).isTrue();
    }
}
