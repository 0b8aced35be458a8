package ir.hotline137.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptSoundsTest {
    private static final PromptCatalogue SMALL = PromptCatalogue.read("test", new StringReader("""
            welcome: خوش آمدید
            n-1: یک
            goodbye: خدانگهدار
            """));

    @Test
    void missingAndOrphanRecordingsAreNamed(@TempDir Path folder) throws IOException {
        Files.write(folder.resolve("n-1.wav"), new byte[] {1});
        Files.write(folder.resolve("main-menu.wav"), new byte[] {1});
        Files.write(folder.resolve("an-old-prompt.wav"), new byte[] {1});
        Files.write(folder.resolve("README.txt"), new byte[] {1});
        Files.createDirectory(folder.resolve("goodbye.wav.d"));

        assertThat(PromptSounds.missing(SMALL, folder)).containsExactly("welcome", "goodbye");
        assertThat(PromptSounds.orphans(SMALL, folder)).containsExactly("an-old-prompt", "main-menu");
    }

    @Test
    void aFolderThatIsNotThereMissesEverythingAndHoldsNoOrphans(@TempDir Path parent) {
        Path nowhere = parent.resolve("nowhere");

        assertThat(PromptSounds.missing(SMALL, nowhere)).containsExactly("welcome", "n-1", "goodbye");
        assertThat(PromptSounds.orphans(SMALL, nowhere)).isEmpty();
    }

    @Test
    void theRecordingsAreCopiedFromTheClasspath(@TempDir Path parent) throws IOException {
        Path asterisk = parent.resolve("sounds/fa/hotline137");
        Files.createDirectories(asterisk);
        Files.writeString(asterisk.resolve("welcome.wav"), "an older recording");

        List<Path> written = PromptSounds.copyTo(asterisk);

        PromptCatalogue persian = PromptCatalogue.persian();
        assertThat(written).hasSize(persian.names().size());
        assertThat(PromptSounds.missing(persian, asterisk)).isEmpty();
        try (var files = Files.list(asterisk)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no partial copies are left behind")
                    .allMatch(file -> file.endsWith(".wav"))
                    .hasSize(persian.names().size());
        }
        for (String name : List.of("welcome", "n-1000", "month-12")) {
            try (var committed = PromptSounds.class.getResourceAsStream(PromptSounds.PERSIAN_RESOURCES + name + ".wav")) {
                assertThat(Files.readAllBytes(asterisk.resolve(name + ".wav"))).isEqualTo(committed.readAllBytes());
            }
        }
    }
}
