package ir.hotline137.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.switchboard.CallId;
import ir.hotline137.testsupport.Eventually;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a caller waiting for the mayor hears, through the real FastAGI server: their place with an estimated wait,
 * and, when someone ahead of them leaves, their new place at once rather than at the next regular announcement
 * (set here to ten minutes, so only the change can bring it). Callers waiting for an agent hear only the regular
 * announcements.
 */
class MayorHoldTest {
    private static final Duration CALL = MayorCallsTest.CALL;
    private static final String S = MayorCallsTest.S;

    @TempDir
    Path dir;
    IvrHarness ivr;

    @BeforeEach
    void start() {
        ivr = IvrHarness.start(dir, settings -> settings.withHoldAnnouncement(Duration.ofMinutes(10)));
    }

    @AfterEach
    void stop() throws Exception {
        ivr.close();
    }

    @Test
    void theSecondCallerHearsTheirPlaceAndWaitThenMovesUpAndHearsItAtOnce() {
        ivr.mayorLine.open("بی‌واسطه با مردم", Instant.now().plus(Duration.ofHours(1)), "supervisor");
        FakeCall first = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("4").presses("6#")
                .says(MayorCallsTest.TOPIC));
        first.awaitCommand(c -> c.contains(S + "mayor-please-wait"), CALL);
        FakeCall second = ivr.asterisk.dial(Caller.withNumber("09127654321").presses("4").presses("6#")
                .says(MayorCallsTest.TOPIC));
        second.awaitCommand(c -> c.contains(S + "mayor-please-wait"), CALL);

        assertThat(spoken(second)).as("one conversation ahead of them").containsSubsequence(S + "hold-position",
                S + "n-2", S + "hold-estimate", S + "n-3", S + "minutes", S + "mayor-please-wait");

        first.hangUp();
        Eventually.await(() -> spoken(second).stream().filter((S + "hold-position")::equals).count() == 2,
                CALL);
        Eventually.await(() -> spoken(second).stream().filter((S + "mayor-please-wait")::equals).count() == 2,
                CALL);
        List<String> said = spoken(second);
        int again = lastIndexOf(said, S + "hold-position");
        assertThat(said.subList(again, said.size())).as("next, with less than a minute said as one")
                .containsSubsequence(S + "n-1", S + "hold-estimate", S + "n-1", S + "minutes", S + "mayor-please-wait");
        assertThat(ivr.mayorLine.caller(new CallId(second.uniqueId())).orElseThrow().position()).isEqualTo(1);
        second.hangUp();
    }

    /** The files streamed to the caller so far, in order. */
    private static List<String> spoken(FakeCall call) {
        return call.commands().stream().filter(c -> c.startsWith("STREAM FILE \""))
                .map(c -> c.substring("STREAM FILE \"".length(), c.indexOf('"', "STREAM FILE \"".length())))
                .toList();
    }

    private static int lastIndexOf(List<String> commands, String file) {
        for (int i = commands.size() - 1; i >= 0; i--) {
            if (commands.get(i).equals(file)) {
                return i;
            }
        }
        throw new AssertionError("never said: " + file + ": " + commands);
    }
}
