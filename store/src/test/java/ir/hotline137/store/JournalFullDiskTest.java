package ir.hotline137.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal on a real file system that fills up: a 1 MB tmpfs, so the disk's own "no space left" answers,
 * not a stand-in. Needs root to mount it (CI runs as root); elsewhere it is skipped. The storage's refusal
 * before the disk is full is tested in {@link StorageTest}; this is what happens if something else fills the
 * disk faster than that.
 */
class JournalFullDiskTest {
    @TempDir
    Path dir;
    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    @Test
    void aWriteTheDiskRefusesLeavesNothingBehindAndTheNextOneGoesOnWhenSpaceReturns() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small file system needs root");
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString()), "mount -t tmpfs failed");
        mounted = small;
        Path filler = small.resolve("filler");
        Files.write(filler, new byte[256 * 1024]);

        List<byte[]> kept = new ArrayList<>();
        byte[] refused = null;
        try (Journal journal = Journal.open(small.resolve("journal"), 64L << 20)) {
            for (int i = 0; refused == null; i++) {
                byte[] record = ("record " + i + " ").repeat(40).getBytes();
                try {
                    journal.append(record);
                    journal.force();
                    kept.add(record);
                } catch (IOException full) {
                    assertThat(full).hasMessageContaining("No space left");
                    refused = record;
                }
            }
            long end = journal.end();
            assertThat(kept.size()).isGreaterThan(100);
            assertThatThrownBy(() -> journal.append(("more").repeat(1000).getBytes())).isInstanceOf(IOException.class);
            assertThat(journal.end()).as("a refused record leaves no trace").isEqualTo(end);

            Files.delete(filler);
            long after = journal.append(refused);
            journal.force();
            kept.add(refused);
            assertThat(after).isGreaterThan(end);
        }
        List<byte[]> read = new ArrayList<>();
        try (Journal reopened = Journal.open(small.resolve("journal"), 64L << 20)) {
            reopened.read(0, (position, payload) -> read.add(payload));
        }
        assertThat(read).hasSameSizeAs(kept);
        for (int i = 0; i < kept.size(); i++) {
            assertThat(Arrays.equals(read.get(i), kept.get(i))).as("record %d", i).isTrue();
        }
        try (var files = Files.list(small.resolve("journal"))) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("unfinished-"))).as("no torn tail").isEmpty();
        }
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
