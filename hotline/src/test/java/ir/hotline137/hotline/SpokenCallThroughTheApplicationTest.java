package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.calls.CallLog;
import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.hotline.speech.SpeechIntake;
import ir.hotline137.ivr.server.FastAgiServer;
import ir.hotline137.recognizer.TestModel;
import ir.hotline137.recognizer.TestSentences;
import ir.hotline137.recognizer.TestSpeech;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.testsupport.Eventually;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application configured with a speech model, as a deployment is: a caller describes the problem aloud,
 * the voice streams over AudioSocket, and the request holds the words. English here, from the model the build
 * unpacks; Persian differs only in configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SpokenCallThroughTheApplicationTest {
    static Path dataDir;

    @DynamicPropertySource
    static void speech(DynamicPropertyRegistry registry) throws Exception {
        dataDir = TestApplication.isolated(registry, "hotline-speech");
        registry.add("hotline.recognizer.model", () -> TestModel.folder().toAbsolutePath().toString());
    }

    @Autowired
    FastAgiServer fastAgi;

    @Autowired
    SpeechIntake speech;

    @Autowired
    RequestDesk desk;

    @Autowired
    CallLog callLog;

    @Test
    void aDescriptionSpokenAloudBecomesTheRequestsWords() {
        assertThat(speech.recognizes()).isTrue();
        assertThat(speech.audioSocket()).isPresent();
        TestSentences.Sentence garbage = TestSentences.ALL.get(1);

        CallTranscript call;
        try (FakeAsterisk asterisk = new FakeAsterisk("127.0.0.1", fastAgi.port())) {
            call = asterisk.dial(Caller.withNumber("09127770001").presses("1").presses("3#")
                    .speaks(TestSpeech.telephone(garbage.text()))).awaitEnd(Duration.ofSeconds(60));
        }

        assertThat(call.audioSockets()).hasSize(1);
        Eventually.await(() -> recordOf(call).isPresent(), Duration.ofSeconds(5));
        CallRecord record = recordOf(call).orElseThrow();
        assertThat(record.outcome()).isEqualTo(CallOutcome.REGISTERED);
        CitizenRequest stored = desk.find(record.request().orElseThrow()).orElseThrow();
        assertThat(stored.description()).contains(garbage.keyWords());
        assertThat(stored.audioReference()).hasValueSatisfying(wav ->
                assertThat(Path.of(wav)).startsWith(dataDir.resolve("data")).exists());
    }

    private Optional<CallRecord> recordOf(CallTranscript call) {
        List<CallRecord> records = callLog.between(Instant.EPOCH, Instant.now().plusSeconds(60));
        return records.stream().filter(r -> r.callId().equals(call.uniqueId())).findFirst();
    }
}
