package ir.hotline137.requests.store;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.calls.CallRecord;
import ir.hotline137.requests.calls.MapDbCallLog;
import ir.hotline137.requests.duplicates.IndexReconciliation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
        List<TrackingCode> registered = new ArrayList<>();
        List<String[]> joined = new ArrayList<>();
        List<String[]> merged = new ArrayList<>();
        Set<String> calls = new HashSet<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            int acknowledgements = 40 + random.nextInt(600);
            runAndKill("c" + cycle, acknowledgements, registered, joined, merged, calls);

            try (Desks reopened = new Desks(data, Clock.systemUTC())) {
                for (TrackingCode code : registered) {
                    assertThat(reopened.store.find(code)).as("cycle %d: acknowledged request %s", cycle, code).isPresent();
                }
                for (String[] join : joined) {
                    CitizenRequest request = reopened.store.find(new TrackingCode(join[0])).orElseThrow();
                    assertThat(request.supporters()).as("cycle %d: supporter %s of %s", cycle, join[1], join[0])
                            .anyMatch(s -> s.callerNumber().equals(java.util.Optional.of(new CallerNumber(join[1]))));
                }
                for (String[] merge : merged) {
                    CitizenRequest duplicate = reopened.store.find(new TrackingCode(merge[0])).orElseThrow();
                    assertThat(duplicate.status()).isEqualTo(RequestStatus.DUPLICATE);
                }
                // No half merges, acknowledged or not: every duplicate is counted by the request it names.
                reopened.store.forEach(request -> request.duplicateOf().ifPresent(target -> {
                    CitizenRequest into = reopened.store.find(target).orElseThrow();
                    assertThat(into.history()).as("cycle %d: %s merged into %s", 0, request.code(), target)
                            .anyMatch(h -> h.what().equals("merged duplicate " + request.code()));
                }));
                assertThat(reopened.store.count()).isGreaterThanOrEqualTo(registered.size());
                Set<String> recordedCalls = new HashSet<>();
                for (CallRecord call : MapDbCallLog.open(reopened.storage).between(Instant.EPOCH, Instant.now().plusSeconds(60))) {
                    recordedCalls.add(call.callId());
                }
                assertThat(recordedCalls).as("cycle %d: acknowledged call records", cycle).containsAll(calls);

                IndexReconciliation.reconcile(reopened.store, reopened.index);
                assertThat(reopened.index.size()).isEqualTo(reopened.store.count());
                assertThat(reopened.index.revision()).isEqualTo(reopened.store.revision());
            }
        }
    }

    private void runAndKill(String prefix, int acknowledgements, List<TrackingCode> registered, List<String[]> joined,
                            List<String[]> merged, Set<String> calls) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), data.toString(), prefix)
                .redirectError(dir.resolve(prefix + ".err").toFile())
                .start();
        int seen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (seen < acknowledgements && (line = out.readLine()) != null) {
                String[] words = line.split(" ");
                switch (words[0]) {
                    case "registered" -> registered.add(new TrackingCode(words[1]));
                    case "joined" -> joined.add(new String[] {words[1], words[2]});
                    case "merged" -> merged.add(new String[] {words[1], words[2]});
                    case "call" -> calls.add(words[1]);
                    default -> throw new AssertionError("unexpected line from the writer: " + line);
                }
                seen++;
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).as("the writer acknowledged changes before it was killed; it said: %s",
                Files.readString(dir.resolve(prefix + ".err"))).isEqualTo(acknowledgements);
    }
}
