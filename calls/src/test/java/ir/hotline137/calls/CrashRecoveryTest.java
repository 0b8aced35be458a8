package ir.hotline137.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate JVMs register, join, merge and record calls from four threads into one data folder and are
 * killed with SIGKILL, again and again, at random moments (inside journal writes, MapDB commits and
 * checkpoint marks alike). After every kill the folder must open, hold every change whose acknowledgement
 * was printed, hold no half of a merge, and bring the index back to match.
 *
 * <p>On the store as it was before the journal (MapDB's own transactions), a kill inside a commit lost
 * acknowledged requests or left a file that would not open within a few cycles of this test.
 */
class CrashRecoveryTest {
    private static final int CYCLES = 8;

    @TempDir
    Path dir;
    private Path data;

    @Test
    void everyAcknowledgedChangeSurvivesRepeatedKills() throws Exception {
        data = dir.resolve("data");
        Random random = new Random(7);
        Acknowledged acknowledged = new Acknowledged();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            int more = 40 + random.nextInt(600);
            runAndKill("c" + cycle, acknowledged.count() + more, acknowledged);

            assertThat(acknowledged.problems(data)).as("after kill %d", cycle + 1).isEmpty();
        }
        assertThat(acknowledged.requests()).isGreaterThan(CYCLES * 20);
    }

    private void runAndKill(String prefix, int until, Acknowledged acknowledged) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), data.toString(), prefix)
                .redirectError(dir.resolve(prefix + ".err").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.count() < until && (line = out.readLine()) != null) {
                acknowledged.read(line);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged.count()).as("the writer acknowledged changes before it was killed; it said: %s",
                Files.readString(dir.resolve(prefix + ".err"))).isEqualTo(until);
    }
}
