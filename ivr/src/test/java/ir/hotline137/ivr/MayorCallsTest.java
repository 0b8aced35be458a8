package ir.hotline137.ivr;

import static ir.hotline137.ivr.CallFlowsTest.spokenCode;
import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.mayor.line.MayorCallerView;
import ir.hotline137.mayor.line.MayorSession;
import ir.hotline137.mayor.line.NextCaller;
import ir.hotline137.mayor.line.ScreeningState;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.testsupport.Eventually;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option 4 during a live programme, through the real FastAGI server, with the mayor's line in between. */
class MayorCallsTest {
    static final Duration CALL = Duration.ofSeconds(30);
    static final String S = "hotline137/";
    static final String MAYOR_PHONE = "PJSIP/mayor-studio";
    static final String TOPIC = "من علی رضایی هستم، درباره‌ی ترافیک سنگین بزرگراه همت در ساعت هشت صبح";

    @TempDir
    Path dir;
    IvrHarness ivr;

    @BeforeEach
    void start() {
        ivr = IvrHarness.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        ivr.close();
    }

    @Test
    void fourIsOfferedAndTakenOnlyWhileASessionIsOpen() {
        CallTranscript closed = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("4").hangsUp())
                .awaitEnd(CALL);
        assertThat(closed.played()).doesNotContain(S + "main-menu-mayor");
        assertThat(closed.played()).contains(S + "invalid-choice");

        open();
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("4").presses("6#").says(TOPIC));
        MayorCallerView waiting = awaitCaller(call);

        assertThat(waiting.state()).isEqualTo(ScreeningState.AWAITING_SCREENING);
        assertThat(waiting.topic().transcript()).contains(TOPIC);
        assertThat(waiting.topic().district()).contains(6);
        assertThat(waiting.topic().callerNumber()).contains("09121234567");
        assertThat(waiting.topic().recording()).hasValueSatisfying(wav -> assertThat(Path.of(wav)).exists());
        call.awaitCommand(c -> c.contains("mayor-please-wait"), CALL);
        assertThat(call.commands()).anyMatch(c -> c.contains(S + "main-menu-mayor"));
        assertThat(call.commands()).anyMatch(c -> c.contains(S + "mayor-in-line"));
        assertThat(call.commands()).anyMatch(c -> c.contains(S + "n-1"));
        call.hangUp();
    }

    @Test
    void theMayorTakesAnApprovedCallerRecordedAndBridgedToTheMayorsPhone() {
        open();
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("4").presses("6#").says(TOPIC));
        awaitCaller(call);
        ivr.mayorLine.approve(id(call), "moderator");

        NextCaller next = ivr.mayorLine.next("mayor", MAYOR_PHONE);

        assertThat(next).isInstanceOf(NextCaller.Bridged.class);
        CallTranscript transcript = call.awaitEnd(CALL);
        List<String> mixMonitor = transcript.executed("MixMonitor");
        assertThat(mixMonitor).singleElement().asString().contains(ivr.settings.recordings().toString())
                .contains("-mayor.wav");
        int recordAt = indexOf(transcript.commands(), "MixMonitor");
        int dialAt = indexOf(transcript.commands(), "Dial");
        assertThat(recordAt).as("recording starts before the bridge").isLessThan(dialAt).isNotNegative();
        assertThat(transcript.executed("Dial")).singleElement().asString().contains(MAYOR_PHONE);
        assertThat(transcript.played()).containsSubsequence(S + "mayor-in-line", S + "mayor-connecting",
                S + "goodbye");
        CallRecord record = ivr.awaitRecord(transcript);
        assertThat(record.outcome()).isEqualTo(CallOutcome.MAYOR_TALKED);
        assertThat(record.agent()).contains("mayor");
        MayorCallerView done = ivr.mayorLine.caller(id(call)).orElseThrow();
        assertThat(done.state()).isEqualTo(ScreeningState.TALKED);
        assertThat(done.conversationRecording()).hasValueSatisfying(wav -> assertThat(mixMonitor.getFirst())
                .contains(wav));
        assertThat(record.recording()).isEqualTo(done.conversationRecording());
    }

    @Test
    void aRejectedCallerRegistersTheTopicAsANormalRequestWithoutSayingItAgain() {
        open();
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("4").presses("6#").says(TOPIC)
                .presses("1"));
        awaitCaller(call);

        ivr.mayorLine.reject(id(call), "moderator", Optional.empty());

        CallTranscript transcript = call.awaitEnd(CALL);
        assertThat(transcript.played()).containsSubsequence(S + "mayor-rejected", S + "mayor-intake-offer",
                S + "registered", S + "code-again", S + "goodbye");
        assertThat(transcript.commands().stream().filter(c -> c.startsWith("RECORD FILE"))).hasSize(1);
        CitizenRequest request = ivr.desks.desk.find(spokenCode(transcript.played(), "registered")).orElseThrow();
        assertThat(request.description()).isEqualTo(TOPIC);
        assertThat(request.district()).isEqualTo(6);
        assertThat(request.source()).isEqualTo(RequestSource.IVR_SPEECH);
        assertThat(ivr.awaitRecord(transcript).outcome()).isEqualTo(CallOutcome.REGISTERED);
        assertThat(ivr.mayorLine.caller(id(call)).orElseThrow().state()).isEqualTo(ScreeningState.REJECTED);
    }

    @Test
    void callersStillWaitingWhenTheSessionClosesAreOfferedTheIntake() {
        MayorSession session = open();
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("4").presses("6#").says(TOPIC)
                .staysSilent().staysSilent().staysSilent());
        awaitCaller(call);

        ivr.mayorLine.close(session.id(), "supervisor");

        CallTranscript transcript = call.awaitEnd(CALL);
        assertThat(transcript.played()).containsSubsequence(S + "mayor-session-closed", S + "mayor-intake-offer",
                S + "no-input", S + "mayor-intake-offer", S + "registered");
        CitizenRequest request = ivr.desks.desk.find(spokenCode(transcript.played(), "registered")).orElseThrow();
        assertThat(request.description()).as("no answer to the offer still keeps the topic").isEqualTo(TOPIC);
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingLeavesTheLineAtOnceAndRegistersNothing() {
        open();
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("4").presses("6#").says(TOPIC));
        awaitCaller(call);

        call.hangUp();

        Eventually.await(() -> ivr.mayorLine.caller(id(call)).orElseThrow().state() == ScreeningState.ABANDONED,
                Duration.ofSeconds(3));
        CallRecord record = ivr.awaitRecord(call.awaitEnd(CALL));
        assertThat(record.outcome()).isEqualTo(CallOutcome.MAYOR_ABANDONED);
        assertThat(record.request()).isEmpty();
        assertThat(ivr.desks.desk.findByCaller("09121234567", 10)).isEmpty();
    }

    @Test
    void whenTheMayorsPhoneDoesNotAnswerTheCallerIsFirstInLineAgain() {
        open();
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("4").presses("6#").says(TOPIC)
                .dialStatus("NOANSWER", "ANSWER"));
        awaitCaller(call);
        ivr.mayorLine.approve(id(call), "moderator");
        ivr.mayorLine.next("mayor", MAYOR_PHONE);
        call.awaitCommand(c -> c.contains("mayor-no-answer"), CALL);
        Eventually.await(() -> ivr.mayorLine.caller(id(call)).orElseThrow().state() == ScreeningState.APPROVED,
                Duration.ofSeconds(3));

        ivr.mayorLine.next("mayor", MAYOR_PHONE);

        CallTranscript transcript = call.awaitEnd(CALL);
        assertThat(transcript.executed("Dial")).hasSize(2);
        // Once when the phone did not answer, once to close the recording of the conversation before the goodbye.
        assertThat(transcript.executed("StopMixMonitor")).hasSize(2);
        // Just told why they wait on, the caller hears music, not their place again at once.
        List<String> commands = transcript.commands();
        int noAnswer = -1;
        int secondDial = -1;
        for (int i = 0; i < commands.size(); i++) {
            if (noAnswer < 0 && commands.get(i).contains(S + "mayor-no-answer")) {
                noAnswer = i;
            } else if (noAnswer >= 0 && commands.get(i).startsWith("EXEC") && commands.get(i).contains("Dial")) {
                secondDial = i;
                break;
            }
        }
        assertThat(noAnswer).isNotNegative().isLessThan(secondDial);
        assertThat(commands.subList(noAnswer, secondDial)).noneMatch(c -> c.contains(S + "hold-position"));
        assertThat(ivr.awaitRecord(transcript).outcome()).isEqualTo(CallOutcome.MAYOR_TALKED);
    }

    private MayorSession open() {
        return ivr.mayorLine.open("بی‌واسطه با مردم", Instant.now().plus(Duration.ofHours(1)), "supervisor");
    }

    private MayorCallerView awaitCaller(FakeCall call) {
        Eventually.await(() -> ivr.mayorLine.caller(id(call)).isPresent(), CALL);
        return ivr.mayorLine.caller(id(call)).orElseThrow();
    }

    private static CallId id(FakeCall call) {
        return new CallId(call.uniqueId());
    }

    private static int indexOf(List<String> commands, String application) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).startsWith("EXEC") && commands.get(i).contains(application)) {
                return i;
            }
        }
        return -1;
    }
}
