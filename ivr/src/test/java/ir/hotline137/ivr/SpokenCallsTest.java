package ir.hotline137.ivr;

import static ir.hotline137.ivr.CallFlowsTest.spokenCode;
import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.ivr.intake.Intake;
import ir.hotline137.recognizer.TestSentences.Sentence;
import ir.hotline137.recognizer.TestSentences;
import ir.hotline137.recognizer.TestSpeech;
import ir.hotline137.recognizer.audio.WavAudio;
import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.switchboard.EscalationReason;
import ir.hotline137.switchboard.WaitingCallView;
import ir.hotline137.testsupport.asterisk.AudioSocketSession;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.testsupport.asterisk.FakeCall;
import ir.hotline137.testsupport.asterisk.Installation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls described in the caller's own voice, through the whole path: the fake Asterisk runs
 * {@code EXEC AudioSocket} and streams espeak-ng's English at the pace of a real line into our AudioSocket server,
 * the real English model hears it, and the IVR registers what it heard.
 */
class SpokenCallsTest {
    private static final Duration CALL = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    IvrHarness ivr;

    @BeforeEach
    void start() {
        ivr = IvrHarness.listening(dir);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            assertThat(ivr.streams.waiting()).as("streams asked for and left behind").isZero();
        } finally {
            ivr.close();
        }
    }

    @Test
    void aSpokenComplaintIsRegisteredWithTheWordsHeardAndItsRecording() throws IOException {
        Sentence lights = TestSentences.ALL.getFirst();
        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09121110001").presses("1").presses("5#")
                .speaks(TestSpeech.telephone(lights.text()))).awaitEnd(CALL);

        TrackingCode code = spokenCode(call.played(), "registered");
        CitizenRequest stored = ivr.desks.desk.find(code).orElseThrow();
        assertThat(stored.description()).contains(lights.keyWords());
        assertThat(stored.district()).isEqualTo(5);
        WavAudio audio = WavAudio.read(Path.of(stored.audioReference().orElseThrow()));
        assertThat(audio.sampleRate()).isEqualTo(8_000);
        assertThat(audio.duration()).isGreaterThan(Duration.ofSeconds(2));
        assertThat(call.audioSockets()).singleElement().satisfies(stream ->
                assertThat(stream.ending()).isEqualTo(AudioSocketSession.Ending.SERVER_HANGUP_FRAME));
        assertThat(call.played()).contains("beep");
        assertThat(ivr.awaitRecord(call).outcome()).isEqualTo(CallOutcome.REGISTERED);
    }

    @Test
    void anAsteriskWithoutAudioSocketRecordsTheDescriptionAfterOneBeep() throws IOException {
        Sentence lights = TestSentences.ALL.getFirst();
        FakeAsterisk noAudioSocket = ivr.asterisk.with(Installation.complete().withoutApplication("AudioSocket"));

        CallTranscript call = noAudioSocket.dial(Caller.withNumber("09121110009").presses("1").presses("5#")
                .speaks(TestSpeech.telephone(lights.text()))).awaitEnd(CALL);

        assertThat(call.recordings()).hasSize(1);
        assertThat(call.played().stream().filter("beep"::equals)).as("one beep, not one before each try").hasSize(1);
        CitizenRequest stored = ivr.desks.desk.find(spokenCode(call.played(), "registered")).orElseThrow();
        assertThat(stored.description()).contains(lights.keyWords());
    }

    @Test
    void hashEndsTheDescriptionWithoutWaitingForSilence() throws IOException {
        Sentence garbage = TestSentences.ALL.get(1);
        Path wav = TestSpeech.telephone(garbage.text());
        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09121110002").presses("1").presses("7#")
                .speaksThenPressesHash(wav)).awaitEnd(CALL);

        CitizenRequest stored = ivr.desks.desk.find(spokenCode(call.played(), "registered")).orElseThrow();
        assertThat(stored.description()).contains(garbage.keyWords());
        AudioSocketSession stream = call.audioSockets().getFirst();
        assertThat(stream.keys()).isEqualTo("#");
        // Ended by the key: well short of the 1.2 s of silence that would otherwise have been needed.
        long speechBytes = WavAudio.read(wav).pcm().length;
        assertThat(stream.audioBytes()).isLessThan(speechBytes + 16 * 600);
    }

    @Test
    void silenceOnlyBringsAnAgentAndRegistersNothing() {
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121110003").presses("1").presses("9#").staysSilent());

        WaitingCallView waiting = ivr.awaitWaiting(call.uniqueId(), CALL);
        assertThat(waiting.info().reason()).isEqualTo(EscalationReason.DESCRIPTION_NOT_UNDERSTOOD);
        assertThat(waiting.info().transcript()).isEmpty();
        call.hangUp();
        CallRecord record = ivr.awaitRecord(call.awaitEnd(CALL));
        assertThat(record.request()).isEmpty();
        assertThat(call.awaitEnd(CALL).audioSockets().getFirst().audioBytes())
                .as("six seconds of waiting for speech").isBetween(16L * 5_900, 16L * 6_600);
    }

    @Test
    void aCallerWhoSpeaksAndHangsUpStillHasTheProblemRegistered() {
        Sentence flood = TestSentences.ALL.get(3);
        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09121110004").presses("1").presses("12#")
                .speaksThenHangsUp(TestSpeech.telephone(flood.text()))).awaitEnd(CALL);

        CallRecord record = ivr.awaitRecord(call);
        assertThat(record.outcome()).isEqualTo(CallOutcome.HUNG_UP);
        CitizenRequest kept = ivr.desks.desk.find(record.request().orElseThrow()).orElseThrow();
        assertThat(kept.description()).contains(flood.keyWords());
        assertThat(kept.history()).extracting(HistoryEntry::what).contains(Intake.HUNG_UP_NOTE);
    }

    @Test
    void twentyCallersSpeakingAtOnceEachGetTheirOwnWords() {
        List<Sentence> sentences = TestSentences.ALL.subList(0, 20);
        List<FakeCall> calls = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Path wav = TestSpeech.telephone(sentences.get(i).text());
            calls.add(ivr.asterisk.dial(Caller.withNumber("0912000%04d".formatted(i)).presses("1")
                    .presses((i % 22 + 1) + "#").speaks(wav)));
        }
        for (int i = 0; i < calls.size(); i++) {
            CallTranscript call = calls.get(i).awaitEnd(CALL);
            CitizenRequest stored = ivr.desks.desk.find(ivr.awaitRecord(call).request().orElseThrow()).orElseThrow();
            assertThat(stored.callerNumber()).contains(new CallerNumber("0912000%04d".formatted(i)));
            assertThat(stored.description()).as("call %d", i).contains(sentences.get(i).keyWords());
        }
    }
}
