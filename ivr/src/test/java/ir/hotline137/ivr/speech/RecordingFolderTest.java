package ir.hotline137.ivr.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recordings folder as Asterisk's user must find it: every level shared, never half-made, and set right. */
class RecordingFolderTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final Instant AT = Instant.parse("2026-12-05T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyFolderMadeOnTheWayIsSharedAsConfiguredAndNoTemporaryOneIsLeft() throws Exception {
        Path root = dir.resolve("recordings");
        RecordingFolder folder = new RecordingFolder(root, TEHRAN, sharing(02770));

        Path file = folder.fileFor("1764914400.7", "description", AT);

        assertThat(file).isEqualTo(root.resolve("2026/12/05/1764914400.7-description"));
        for (Path level : new Path[] {root, root.resolve("2026"), root.resolve("2026/12"), file.getParent()}) {
            assertThat(mode(level)).as("%s", level).isEqualTo(02770);
        }
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("."));
        }
    }

    @Test
    void aFolderOfOursMadeBeforeTheSettingIsSetRight() throws Exception {
        Path root = dir.resolve("recordings");
        Path today = Files.createDirectories(root.resolve("2026/12/05"));
        Files.setAttribute(today, "unix:mode", 0755);

        new RecordingFolder(root, TEHRAN, sharing(02770)).fileFor("1764914400.8", "mayor", AT);

        assertThat(mode(today)).isEqualTo(02770);
    }

    @Test
    void aRecordingCountsOnlyOnceItHoldsSound() throws Exception {
        RecordingFolder folder = new RecordingFolder(dir, TEHRAN, sharing(02770));
        Path headerOnly = Files.write(dir.resolve("empty.wav"), new byte[44]);
        Path sound = Files.write(dir.resolve("sound.wav"), new byte[44 + 1600]);

        assertThat(folder.holdsAudio(dir.resolve("missing.wav"))).isFalse();
        assertThat(folder.holdsAudio(headerOnly)).isFalse();
        assertThat(folder.holdsAudio(sound)).isTrue();
    }

    private static RecordingFolder.Sharing sharing(int mode) {
        return new RecordingFolder.Sharing(Optional.empty(), mode, Duration.ofMillis(50));
    }

    private static int mode(Path folder) throws Exception {
        return (Integer) Files.getAttribute(folder, "unix:mode") & 07777;
    }
}
