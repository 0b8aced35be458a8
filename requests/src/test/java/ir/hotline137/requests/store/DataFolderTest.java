package ir.hotline137.requests.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.requests.Desks;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
    @TempDir
    Path dir;

    @Test
    void aFolderOfANewerFormatIsRefusedAndLeftAlone() throws Exception {
        Files.writeString(dir.resolve("FORMAT"), "hotline137-data 9\n");
        Files.writeString(dir.resolve("requests.mapdb"), "whatever a newer version wrote");

        assertThatThrownBy(() -> DataFolder.open(dir)).isInstanceOf(DataFolderException.class)
                .hasMessageContaining("format 9").hasMessageContaining("left as it is");

        assertThat(Files.readString(dir.resolve("FORMAT"))).isEqualTo("hotline137-data 9\n");
        assertThat(Files.readString(dir.resolve("requests.mapdb"))).isEqualTo("whatever a newer version wrote");
    }

    @Test
    void aForeignFolderIsRefused() throws Exception {
        Files.writeString(dir.resolve("thesis.docx"), "not ours");
        assertThatThrownBy(() -> DataFolder.open(dir)).isInstanceOf(DataFolderException.class)
                .hasMessageContaining("no FORMAT file");
        assertThat(Files.exists(dir.resolve("FORMAT"))).isFalse();
    }

    @Test
    void aCorruptStoreFailsToOpenWithAClearMessageAndIsNotOverwritten() throws Exception {
        try (Desks desks = new Desks(dir, Clock.systemUTC())) {
            desks.desk.register(NewRequest.fromCaller("09121234567", 5, "چاله بزرگ", RequestSource.API));
        }
        Path file = DataFolder.open(dir).requestsFile();
        byte[] bytes = Files.readAllBytes(file);
        byte[] garbage = new byte[bytes.length];
        new Random(1).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> MapDbRequestStore.open(DataFolder.open(dir))).isInstanceOf(DataFolderException.class)
                .hasMessageContaining("requests.mapdb").hasMessageContaining("left as it is");

        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }
}
