package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.calls.CallLog;
import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.ivr.server.FastAgiServer;
import ir.hotline137.switchboard.EscalationReason;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.WaitingCallView;
import ir.hotline137.testsupport.Eventually;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application starts on its embedded defaults, in its own data folder, and takes calls. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HotlineApplicationTest {
    static Path dataDir;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) throws Exception {
        dataDir = TestApplication.isolated(registry, "hotline-app");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    FastAgiServer fastAgi;

    @Autowired
    Switchboard switchboard;

    @Autowired
    CallLog callLog;

    @Test
    void healthIncludesTheStoreAndTheIndex() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"requestStore\":{\"status\":\"UP\"}")
                .contains("\"duplicateIndex\":{\"status\":\"UP\"}");
        assertThat(dataDir.resolve("data/FORMAT")).exists();
        assertThat(dataDir.resolve("data/requests.mapdb")).exists();
        assertThat(dataDir.resolve("data/calls.mapdb")).exists();
    }

    /**
     * No speech model is configured yet, so a described problem reaches a person with its recording: the
     * call waits on the application's switchboard with what was gathered, and its record is kept.
     */
    @Test
    void aCallToTheApplicationIsAnsweredAndAnUnrecognisedDescriptionWaitsForAnAgent() {
        try (FakeAsterisk asterisk = new FakeAsterisk("127.0.0.1", fastAgi.port())) {
            FakeCall call = asterisk.dial(Caller.withNumber("09121234567").presses("1").presses("6#")
                    .says("پیاده‌رو جلوی پلاک ۱۲ شکسته است"));
            call.awaitCommand(c -> c.contains("hold-please-wait"), Duration.ofSeconds(20));
            List<WaitingCallView> waiting = switchboard.waitingCalls();
            assertThat(waiting).singleElement().satisfies(w -> {
                assertThat(w.info().reason()).isEqualTo(EscalationReason.DESCRIPTION_NOT_UNDERSTOOD);
                assertThat(w.info().district()).contains(6);
                assertThat(w.info().districtName()).contains("منطقه ۶");
                assertThat(w.info().recording()).hasValueSatisfying(r -> assertThat(Path.of(r))
                        .startsWith(dataDir.resolve("data/recordings").toAbsolutePath()).exists());
            });

            call.hangUp();
            CallTranscript transcript = call.awaitEnd(Duration.ofSeconds(20));

            assertThat(transcript.error()).isEmpty();
            assertThat(awaitRecord(transcript.uniqueId()).outcome()).isEqualTo(CallOutcome.ESCALATED_ABANDONED);
            assertThat(switchboard.waitingCalls()).isEmpty();
        }
    }

    private CallRecord awaitRecord(String callId) {
        Eventually.await(() -> record(callId).isPresent(), Duration.ofSeconds(5), () -> "no call record for " + callId);
        return record(callId).orElseThrow();
    }

    private Optional<CallRecord> record(String callId) {
        return callLog.between(Instant.EPOCH, Instant.now().plusSeconds(60)).stream()
                .filter(r -> r.callId().equals(callId)).findFirst();
    }
}
