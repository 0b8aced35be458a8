package ir.hotline137.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
