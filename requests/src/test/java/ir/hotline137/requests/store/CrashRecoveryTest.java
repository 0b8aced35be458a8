package ir.hotline137.requests.store;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.requests.Desks;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.duplicates.IndexReconciliation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A separate JVM registers from several threads and is killed with SIGKILL mid-stream; every request whose
 * register returned (and whose code it printed) must be there after reopening, and the index must be
 * brought back to match.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRequestSurvivesAKill() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<TrackingCode> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 300 && (line = out.readLine()) != null) {
                if (line.startsWith("registered ")) {
                    acknowledged.add(new TrackingCode(line.substring("registered ".length())));
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        try (Desks reopened = new Desks(dir, Clock.systemUTC())) {
            for (TrackingCode code : acknowledged) {
                assertThat(reopened.store.find(code)).as("acknowledged request %s", code).isPresent();
            }
            IndexReconciliation.reconcile(reopened.store, reopened.index);
            assertThat(reopened.index.size()).isEqualTo(reopened.store.count());
            assertThat(reopened.index.revision()).isEqualTo(reopened.store.revision());
        }
    }
}
