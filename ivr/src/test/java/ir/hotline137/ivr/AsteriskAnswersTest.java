package ir.hotline137.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.ivr.speech.RecordingFolder;
import ir.hotline137.mayor.line.MayorCallerView;
import ir.hotline137.mayor.line.ScreeningState;
import ir.hotline137.recognizer.TestSentences;
import ir.hotline137.recognizer.TestSpeech;
import ir.hotline137.switchboard.Agent;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.testsupport.Eventually;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.testsupport.asterisk.FakeCall;
import ir.hotline137.testsupport.asterisk.Installation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real Asterisk 22 answers where it is less kind than a test would like, through the real FastAGI server
 * and a fake that answers the same way (each reply's source is in the fake's channel). Five defects seen on a
 * real Asterisk, each with a test that failed before the call flows were taught the answer: a caller cut off
 * when the agent (or the mayor) hung up, a caller lost to a missing beep, a mayor's call claimed recorded with
 * no file, every call frozen while one was transcribed, and a caller hung up on when our side could not finish
 * the call (the mark the dialplan's fallback reads is new). The rest guard the other side of each change: the
 * caller who does hang up is recorded so, and a finished call is marked even when its goodbye is missing.
 */
class AsteriskAnswersTest {
    private static final Duration CALL = Duration.ofSeconds(30);
    private static final String S = "hotline137/";
    private static final String MAYOR_PHONE = "PJSIP/mayor-studio";

    @TempDir
    Path dir;

    @Test
    void whenTheAgentHangsUpTheCallerStillOnTheLineHearsGoodbyeAndTheRecordSaysWhoEnded() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dir)) {
            CallTranscript transcript = talksToAnAgent(ivr, Caller.withNumber("09121234567").presses("0"));

            assertThat(transcript.callerHungUp()).isFalse();
            List<String> afterDial = after(transcript, "EXEC \"Dial\"");
            assertThat(afterDial).anyMatch(c -> c.contains(S + "goodbye"));
            CallRecord record = ivr.awaitRecord(transcript);
            assertThat(record.outcome()).isEqualTo(CallOutcome.ESCALATED_ANSWERED);
            assertThat(record.path()).contains("agent-hung-up").doesNotContain("hung-up");
        }
    }

    @Test
    void aCallerWhoHangsUpAfterTalkingToTheAgentIsRecordedAsTheOneWhoEnded() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dir)) {
            CallTranscript transcript = talksToAnAgent(ivr,
                    Caller.withNumber("09121234567").presses("0").hangsUpAfterTalking());

            assertThat(transcript.callerHungUp()).isTrue();
            assertThat(after(transcript, "EXEC \"Dial\"")).noneMatch(c -> c.contains(S + "goodbye"));
            CallRecord record = ivr.awaitRecord(transcript);
            assertThat(record.outcome()).isEqualTo(CallOutcome.ESCALATED_ANSWERED);
            assertThat(record.path()).contains("hung-up").doesNotContain("agent-hung-up");
        }
    }

    @Test
    void whenTheMayorHangsUpTheCallerHearsGoodbye() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dir)) {
            ivr.mayorLine.open("بی‌واسطه با مردم", Instant.now().plus(Duration.ofHours(1)), "supervisor");
            FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("4").presses("6#")
                    .says("درباره‌ی خط اتوبوس"));
            awaitOnTheLine(ivr, call);
            ivr.mayorLine.approve(new CallId(call.uniqueId()), "moderator");
            ivr.mayorLine.next("mayor", MAYOR_PHONE);

            CallTranscript transcript = call.awaitEnd(CALL);

            assertThat(transcript.callerHungUp()).isFalse();
            assertThat(after(transcript, "EXEC \"Dial\"")).anyMatch(c -> c.contains(S + "goodbye"));
            CallRecord record = ivr.awaitRecord(transcript);
            assertThat(record.outcome()).isEqualTo(CallOutcome.MAYOR_TALKED);
            assertThat(record.path()).contains("mayor:mayor-hung-up").doesNotContain("hung-up");
        }
    }

    @Test
    void anAsteriskWithoutTheBeepSoundStillRegistersTheCallersProblem() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dir)) {
            FakeAsterisk withoutBeep = ivr.asterisk.with(Installation.complete().withoutSounds(Phone.BEEP));

            CallTranscript transcript = withoutBeep.dial(Caller.withNumber("09121234567").presses("1").presses("7#")
                    .says("چراغ برق کوچه ما سوخته است")).awaitEnd(CALL);

            assertThat(transcript.callerHungUp()).isFalse();
            assertThat(transcript.recordings()).hasSize(1);
            assertThat(transcript.played()).containsSubsequence(S + "registered", S + "goodbye");
            CallRecord record = ivr.awaitRecord(transcript);
            assertThat(record.outcome()).isEqualTo(CallOutcome.REGISTERED);
            assertThat(ivr.desks.desk.find(record.request().orElseThrow()).orElseThrow().description())
                    .isEqualTo("چراغ برق کوچه ما سوخته است");
        }
    }

    @Test
    void aMayorsCallIsRecordedWhenTheFoldersAreSharedWithAsterisksGroup() throws Exception {
        MayorCallerView done = mayorCallWithAsteriskAsAnotherUser(IvrHarness.SHARED);

        assertThat(done.conversationRecording()).hasValueSatisfying(wav ->
                assertThat(Path.of(wav).toFile().length()).isGreaterThan(44));
    }

    @Test
    void aMayorsCallIsNotClaimedRecordedWhenAsteriskCouldNotWriteTheFile() throws Exception {
        // Folders as a plain mkdir makes them: Asterisk's user, in the group but not the owner, may not write.
        RecordingFolder.Sharing unshared = new RecordingFolder.Sharing(Optional.empty(), 0755, Duration.ofMillis(300));

        MayorCallerView done = mayorCallWithAsteriskAsAnotherUser(unshared);

        assertThat(done.state()).isEqualTo(ScreeningState.TALKED);
        assertThat(done.conversationRecording()).isEmpty();
    }

    /**
     * A caller talks to the mayor on an Asterisk that runs as a user of its own in the hotline's group, the topic
     * streamed (our AudioSocket server writes its recording), the conversation recorded by MixMonitor.
     */
    private MayorCallerView mayorCallWithAsteriskAsAnotherUser(RecordingFolder.Sharing sharing) throws Exception {
        int uid = (Integer) Files.getAttribute(dir, "unix:uid");
        int gid = (Integer) Files.getAttribute(dir, "unix:gid");
        // JUnit makes the folder 0700; Asterisk's user must be able to pass through it, as in a deployment.
        Files.setAttribute(dir, "unix:mode", 0750);
        try (IvrHarness ivr = IvrHarness.listening(dir, sharing)) {
            FakeAsterisk asterisk = ivr.asterisk.with(Installation.complete()
                    .runningAs(new Installation.FileUser(uid + 4242, Set.of(gid))));
            ivr.mayorLine.open("بی‌واسطه با مردم", Instant.now().plus(Duration.ofHours(1)), "supervisor");
            FakeCall call = asterisk.dial(Caller.withNumber("09121234567").presses("4").presses("6#")
                    .speaks(TestSpeech.telephone(TestSentences.ALL.get(6).text())));
            awaitOnTheLine(ivr, call);
            ivr.mayorLine.approve(new CallId(call.uniqueId()), "moderator");
            ivr.mayorLine.next("mayor", MAYOR_PHONE);

            CallTranscript transcript = call.awaitEnd(CALL);

            assertThat(transcript.executed("MixMonitor")).hasSize(1);
            CallRecord record = ivr.awaitRecord(transcript);
            assertThat(record.outcome()).isEqualTo(CallOutcome.MAYOR_TALKED);
            MayorCallerView done = ivr.mayorLine.caller(new CallId(call.uniqueId())).orElseThrow();
            if (done.conversationRecording().isEmpty()) {
                assertThat(record.path()).contains("mayor:not-recorded");
                assertThat(record.recording().map(Path::of)).isNotEqualTo(Optional.of(Path.of(
                        transcript.executed("MixMonitor").getFirst().split(",")[0])));
            } else {
                assertThat(record.recording()).isEqualTo(done.conversationRecording());
            }
            return done;
        }
    }

    /**
     * Vosk's decoder is native code: a virtual thread inside it cannot unmount, so decoding on the calls' own
     * threads let a few callers describing problems hold every carrier thread, and no new call was answered until
     * one finished. Measured by order alone: with more recordings being transcribed than there are carriers, a
     * whole new call is answered and ends while every one of those transcriptions is still running.
     */
    @Test
    void aNewCallIsAnsweredAndServedWhileRecordingsAreTranscribed() throws Exception {
        String longDescription = TestSentences.ALL.stream().limit(6).map(TestSentences.Sentence::text)
                .collect(Collectors.joining(". ")) + ".";
        Path speech = TestSpeech.telephone(longDescription);
        // One more than the carrier threads (two: see the surefire settings): enough to pin them all.
        int transcribing = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors()) + 1;
        try (IvrHarness ivr = IvrHarness.transcribing(dir)) {
            List<FakeCall> describing = new ArrayList<>();
            for (int i = 0; i < transcribing; i++) {
                // A district each, so that none is offered another's request as a duplicate.
                describing.add(ivr.asterisk.dial(Caller.withNumber("0912000000" + i).presses("1")
                        .presses((i + 1) + "#").speaks(speech)));
            }
            for (FakeCall call : describing) {
                call.awaitReply("RECORD FILE", CALL);
            }

            CallTranscript newCall = ivr.asterisk.dial(Caller.withNumber("09127777777").presses("2")
                    .presses("1234567#").hangsUp()).awaitEnd(CALL);

            assertThat(newCall.sent("ANSWER")).isTrue();
            assertThat(newCall.played()).contains(S + "main-menu");
            for (FakeCall call : describing) {
                List<String> commands = call.commands();
                assertThat(commands.getLast()).as("still transcribing when the new call ended: %s", call)
                        .startsWith("RECORD FILE");
            }
            for (FakeCall call : describing) {
                CallRecord record = ivr.awaitRecord(call.awaitEnd(Duration.ofMinutes(2)));
                assertThat(record.outcome()).isEqualTo(CallOutcome.REGISTERED);
                assertThat(ivr.desks.desk.find(record.request().orElseThrow()).orElseThrow().description())
                        .contains("street lights");
            }
        }
    }

    @Test
    void aCallThatEndsAsItShouldIsMarkedHandledForTheDialplan() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dir)) {
            CallTranscript transcript = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("1").presses("7#")
                    .says("چاله بزرگ جلوی مدرسه")).awaitEnd(CALL);

            List<String> afterGoodbye = after(transcript, "STREAM FILE \"" + S + "goodbye\"");
            assertThat(afterGoodbye).as(transcript.toString())
                    .contains("SET VARIABLE \"" + Phone.HANDLED_VARIABLE + "\" \"" + Phone.HANDLED + "\"");
        }
    }

    @Test
    void aCallOurSideCouldNotFinishIsLeftUnmarkedSoTheDialplanFallbackTakesTheCaller() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dir)) {
            // Nothing can be played: neither the menu nor the apology that hands the caller to an agent.
            FakeAsterisk broken = ivr.asterisk.with(Installation.complete().withoutSounds(S + "welcome",
                    S + "system-error"));

            CallTranscript transcript = broken.dial(Caller.withNumber("09121234567")).awaitEnd(CALL);

            assertThat(transcript.callerHungUp()).isFalse();
            assertThat(transcript.serverHungUp()).isFalse();
            assertThat(transcript.sent("SET VARIABLE \"" + Phone.HANDLED_VARIABLE + "\"")).isFalse();
            assertThat(ivr.awaitRecord(transcript).outcome()).isEqualTo(CallOutcome.ENDED);
        }
    }

    @Test
    void aCallWhoseWorkIsDoneIsMarkedHandledEvenWhenItsGoodbyeIsMissing() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dir)) {
            FakeAsterisk noGoodbye = ivr.asterisk.with(Installation.complete().withoutSounds(S + "goodbye"));

            CallTranscript transcript = noGoodbye.dial(Caller.withNumber("09121234567").presses("1").presses("7#")
                    .says("چاله بزرگ جلوی مدرسه")).awaitEnd(CALL);

            assertThat(ivr.awaitRecord(transcript).outcome()).isEqualTo(CallOutcome.REGISTERED);
            assertThat(transcript.sent("SET VARIABLE \"" + Phone.HANDLED_VARIABLE + "\"")).as(transcript.toString())
                    .isTrue();
        }
    }

    /** The caller asks for a person, sara accepts, and the call goes its way to its end. */
    private static CallTranscript talksToAnAgent(IvrHarness ivr, Caller caller) {
        ivr.switchboard.signIn(new Agent("sara", "سارا", "PJSIP/101"));
        FakeCall call = ivr.asterisk.dial(caller);
        ivr.awaitWaiting(call.uniqueId(), CALL);
        ivr.switchboard.accept(new CallId(call.uniqueId()), "sara");
        return call.awaitEnd(CALL);
    }

    private static void awaitOnTheLine(IvrHarness ivr, FakeCall call) {
        Eventually.await(() -> ivr.mayorLine.caller(new CallId(call.uniqueId())).isPresent(), CALL);
    }

    /** The commands sent after the first one starting with {@code prefix}. */
    private static List<String> after(CallTranscript transcript, String prefix) {
        List<String> commands = transcript.commands();
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).startsWith(prefix)) {
                return commands.subList(i + 1, commands.size());
            }
        }
        throw new AssertionError("never sent " + prefix + ":\n" + transcript);
    }
}
