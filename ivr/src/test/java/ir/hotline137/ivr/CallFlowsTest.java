package ir.hotline137.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.ivr.intake.Intake;
import ir.hotline137.mayor.meeting.Meeting;
import ir.hotline137.mayor.meeting.MeetingDesk;
import ir.hotline137.mayor.meeting.MeetingKind;
import ir.hotline137.mayor.meeting.RegistrationSource;
import ir.hotline137.outbound.callback.CallbackKind;
import ir.hotline137.prompts.PromptCatalogue;
import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.switchboard.AcceptOutcome;
import ir.hotline137.switchboard.Agent;
import ir.hotline137.switchboard.AwayReason;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.EscalationReason;
import ir.hotline137.switchboard.Presence;
import ir.hotline137.switchboard.WaitingCallView;
import ir.hotline137.testsupport.Eventually;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripted callers drive every flow end to end through the real FastAGI server. */
class CallFlowsTest {
    static final Duration CALL = Duration.ofSeconds(30);
    static final String STREETLIGHT = "چراغ‌های خیابان بهار کوچه سوم از دیشب خاموش است و کوچه تاریک است";
    static final String S = "hotline137/";

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
    void aCallerRegistersAProblemAndHearsTheCodeOfTheStoredRequestTwice() {
        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("+989121234567")
                .pressesDuringPrompt("1").presses("5#").says(STREETLIGHT)).awaitEnd(CALL);

        TrackingCode code = spokenCode(call.played(), "registered");
        CitizenRequest stored = ivr.desks.desk.find(code).orElseThrow();
        assertThat(stored.description()).isEqualTo(STREETLIGHT);
        assertThat(stored.district()).isEqualTo(5);
        assertThat(stored.category()).isEqualTo("lighting");
        assertThat(stored.callerNumber()).contains(new CallerNumber("09121234567"));
        assertThat(stored.source()).isEqualTo(RequestSource.IVR_SPEECH);
        assertThat(stored.audioReference()).hasValueSatisfying(wav -> assertThat(Path.of(wav)).exists());
        assertThat(spokenCode(afterFirst(call.played(), "code-again"), "code-again")).isEqualTo(code);
        assertThat(call.played()).endsWith(S + "goodbye");
        // barge-in: the caller pressed 1 during the welcome, so the menu itself was never played
        assertThat(call.played()).doesNotContain(S + "main-menu");
        CallRecord record = awaitRecord(call);
        assertThat(record.outcome()).isEqualTo(CallOutcome.REGISTERED);
        assertThat(record.request()).contains(code);
        assertThat(record.path()).containsSubsequence("menu:1", "district:5", "description:words", "registered");
    }

    @Test
    void aCallerAboutAKnownProblemJoinsItAndNoSecondRequestIsMade() {
        CitizenRequest first = ivr.desks.desk.register(NewRequest.fromCaller("09120000001", 5, STREETLIGHT,
                RequestSource.AGENT));

        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09127654321")
                .presses("1").presses("5#").says(STREETLIGHT).presses("1")).awaitEnd(CALL);

        assertThat(call.played()).contains(S + "duplicate-found", S + "duplicate-choice");
        assertThat(spokenCode(call.played(), "joined")).isEqualTo(first.code());
        assertThat(ivr.desks.store.count()).isEqualTo(1);
        assertThat(ivr.desks.desk.find(first.code()).orElseThrow().supporters()).singleElement()
                .satisfies(s -> assertThat(s.callerNumber()).contains(new CallerNumber("09127654321")));
        assertThat(awaitRecord(call).outcome()).isEqualTo(CallOutcome.JOINED);
    }

    @Test
    void theDuplicateOfferCanBeDeclined() {
        ivr.desks.desk.register(NewRequest.fromCaller("09120000001", 5, STREETLIGHT, RequestSource.AGENT));

        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09127654321")
                .presses("1").presses("5#").says(STREETLIGHT).presses("2")).awaitEnd(CALL);

        TrackingCode code = spokenCode(call.played(), "registered");
        assertThat(ivr.desks.store.count()).isEqualTo(2);
        assertThat(ivr.desks.desk.find(code)).isPresent();
    }

    @Test
    void aWrongDistrictIsAskedAgain() {
        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09121234567")
                .presses("1").presses("40#").staysSilent().presses("7#").says(STREETLIGHT)).awaitEnd(CALL);

        assertThat(call.played()).containsSubsequence(S + "district-ask", S + "district-invalid", S + "district-ask",
                S + "no-input", S + "district-ask", S + "registered");
        assertThat(ivr.desks.desk.find(spokenCode(call.played(), "registered")).orElseThrow().district()).isEqualTo(7);
    }

    @Test
    void followUpSpeaksTheStatusTheJalaliDateAndAStandardResult() {
        CitizenRequest request = ivr.desks.desk.register(NewRequest.fromCaller("09120000001", 3, STREETLIGHT,
                RequestSource.AGENT));
        ivr.desks.desk.changeStatus(request.code(), RequestStatus.REFERRED, "agent1", Optional.empty());
        ivr.desks.desk.changeStatus(request.code(), RequestStatus.IN_PROGRESS, "agent1", Optional.empty());
        String repaired = PromptCatalogue.persian().words("result-repaired");
        CitizenRequest resolved = ivr.desks.desk.changeStatus(request.code(), RequestStatus.RESOLVED, "agent1",
                Optional.of(repaired));

        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09120000001")
                .presses("2").presses(request.code().value() + "#")).awaitEnd(CALL);

        List<String> expectedDate = ir.hotline137.prompts.SpokenDates.jalali(resolved.lastChangedAt(), IvrHarness.TEHRAN)
                .files().stream().map(f -> S + f).toList();
        List<String> played = call.played();
        assertThat(played).containsSubsequence(S + "status-is", S + "status-resolved", S + "last-change");
        assertThat(String.join(" ", played)).contains(String.join(" ", expectedDate) + " " + S + "last-change-end "
                + S + "result-is " + S + "result-repaired " + S + "goodbye");
        CallRecord record = awaitRecord(call);
        assertThat(record.outcome()).isEqualTo(CallOutcome.STATUS_HEARD);
        assertThat(record.request()).contains(request.code());
    }

    @Test
    void aMistypedCodeIsCaughtByItsCheckDigitAndAnUnknownCodeIsSaidToBeUnknown() {
        CitizenRequest request = ivr.desks.desk.register(NewRequest.fromCaller("09120000001", 3, STREETLIGHT,
                RequestSource.AGENT));
        String code = request.code().value();
        String mistyped = code.substring(0, 3) + (char) ('0' + (code.charAt(3) - '0' + 1) % 10) + code.substring(4);
        String unknown = unknownValidCode(request.code());

        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09120000001").presses("2")
                .presses(mistyped + "#").presses(unknown + "#").presses(code + "#")).awaitEnd(CALL);

        assertThat(call.played()).containsSubsequence(S + "code-ask", S + "code-invalid", S + "code-ask",
                S + "code-unknown", S + "code-ask", S + "status-is", S + "status-registered", S + "goodbye");
        assertThat(awaitRecord(call).path()).containsSubsequence("code:invalid", "code:unknown", "code:found");
    }

    @Test
    void anAgentAcceptsTheWaitingCallAndIsDialled() {
        ivr.switchboard.signIn(new Agent("sara", "سارا", "PJSIP/101"));

        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("0"));
        WaitingCallView waiting = awaitWaiting(call.uniqueId());
        assertThat(waiting.position()).isEqualTo(1);
        assertThat(waiting.info().reason()).isEqualTo(EscalationReason.ASKED_FOR_AGENT);
        assertThat(waiting.info().callerNumber()).contains("09121234567");
        call.awaitCommand(c -> c.contains("hold-please-wait"), CALL);

        AcceptOutcome accepted = ivr.switchboard.accept(new CallId(call.uniqueId()), "sara");

        assertThat(accepted).isInstanceOf(AcceptOutcome.Accepted.class);
        CallTranscript transcript = call.awaitEnd(CALL);
        assertThat(transcript.executed("Dial")).singleElement().asString().contains("PJSIP/101");
        assertThat(transcript.played()).containsSubsequence(S + "to-agent", S + "hold-position", S + "n-1",
                S + "hold-please-wait", S + "agent-connecting");
        assertThat(transcript.sent("SET MUSIC ON")).isTrue();
        CallRecord record = awaitRecord(transcript);
        assertThat(record.outcome()).isEqualTo(CallOutcome.ESCALATED_ANSWERED);
        assertThat(record.agent()).contains("sara");
        assertThat(record.waited()).isPresent();
        assertThat(ivr.switchboard.agent("sara").orElseThrow().presence()).isEqualTo(Presence.AVAILABLE);
    }

    @Test
    void anAgentWhosePhoneDoesNotAnswerIsSetAwayAndTheCallerWaitsOn() {
        ivr.switchboard.signIn(new Agent("sara", "سارا", "PJSIP/101"));
        ivr.switchboard.signIn(new Agent("reza", "رضا", "PJSIP/102"));
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("0")
                .dialStatus("NOANSWER", "ANSWER"));
        awaitWaiting(call.uniqueId());
        ivr.switchboard.accept(new CallId(call.uniqueId()), "sara");
        call.awaitCommand(c -> c.contains("agent-no-answer"), CALL);

        awaitWaiting(call.uniqueId());
        assertThat(ivr.switchboard.agent("sara").orElseThrow().presence()).isEqualTo(Presence.AWAY);
        assertThat(ivr.switchboard.agent("sara").orElseThrow().awayReason()).contains(AwayReason.NO_ANSWER);
        ivr.switchboard.accept(new CallId(call.uniqueId()), "reza");

        CallTranscript transcript = call.awaitEnd(CALL);
        assertThat(transcript.executed("Dial")).hasSize(2);
        assertThat(awaitRecord(transcript).agent()).contains("reza");
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingLeavesTheQueueAtOnce() {
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("0"));
        awaitWaiting(call.uniqueId());

        call.hangUp();

        Eventually.await(() -> ivr.switchboard.waitingCalls().isEmpty(), Duration.ofSeconds(3));
        CallRecord record = awaitRecord(call.awaitEnd(CALL));
        assertThat(record.outcome()).isEqualTo(CallOutcome.ESCALATED_ABANDONED);
        assertThat(record.request()).isEmpty();
    }

    @Test
    void anUntranscribedDescriptionGoesToAnAgentAndIsKeptIfTheCallerGivesUp() {
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("1").presses("9#").staysSilent());

        WaitingCallView waiting = awaitWaiting(call.uniqueId());
        assertThat(waiting.info().reason()).isEqualTo(EscalationReason.DESCRIPTION_NOT_UNDERSTOOD);
        assertThat(waiting.info().district()).contains(9);
        assertThat(waiting.info().recording()).hasValueSatisfying(wav -> assertThat(Path.of(wav)).exists());
        call.hangUp();

        CallRecord record = awaitRecord(call.awaitEnd(CALL));
        assertThat(record.outcome()).isEqualTo(CallOutcome.ESCALATED_ABANDONED);
        CitizenRequest kept = ivr.desks.desk.find(record.request().orElseThrow()).orElseThrow();
        assertThat(kept.district()).isEqualTo(9);
        assertThat(kept.audioReference()).isEqualTo(waiting.info().recording());
        assertThat(kept.history()).extracting(HistoryEntry::what).contains(Intake.HUNG_UP_NOTE);
    }

    @Test
    void threeWrongMenuKeysBringAPerson() {
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("9").staysSilent().presses("7"));

        WaitingCallView waiting = awaitWaiting(call.uniqueId());
        assertThat(waiting.info().reason()).isEqualTo(EscalationReason.MENU_NOT_UNDERSTOOD);
        call.hangUp();
        CallTranscript transcript = call.awaitEnd(CALL);
        assertThat(transcript.played()).containsSubsequence(S + "main-menu", S + "invalid-choice",
                S + "main-menu", S + "no-input", S + "main-menu", S + "to-agent");
        assertThat(awaitRecord(transcript).path()).startsWith("menu:9", "menu:none", "menu:7", "agent:menu_not_understood");
    }

    @Test
    void whenNobodyAnswersInTimeTheCallerLeavesAMessageThatBecomesACallbackRequest() throws Exception {
        ivr.close();
        ivr = IvrHarness.start(dir.resolve("short"), s -> s.withAnswerTimeout(Duration.ofSeconds(1)));
        String message = "آب گرفتگی شدید در کوچه شهید رضایی، لطفاً با من تماس بگیرید";

        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("0").says(message)
                .presses("12#")).awaitEnd(CALL);

        assertThat(call.played()).containsSubsequence(S + "to-agent", S + "callback-offer", S + "district-ask",
                S + "callback-registered", S + "code-again", S + "goodbye");
        CitizenRequest request = ivr.desks.desk.find(spokenCode(call.played(), "callback-registered")).orElseThrow();
        assertThat(request.description()).isEqualTo(message);
        assertThat(request.district()).isEqualTo(12);
        assertThat(request.history()).extracting(HistoryEntry::what).anyMatch(w -> w.startsWith("درخواست تماس دوباره"));
        assertThat(ivr.switchboard.waitingCalls()).isEmpty();
        assertThat(awaitRecord(call).outcome()).isEqualTo(CallOutcome.CALLBACK_REQUESTED);
        assertThat(ivr.callbacks.open()).singleElement().satisfies(callback -> {
            assertThat(callback.kind()).isEqualTo(CallbackKind.MESSAGE);
            assertThat(callback.number()).isEqualTo("09121234567");
            assertThat(callback.request()).contains(request.code());
            assertThat(callback.district()).contains(12);
        });
    }

    @Test
    void whileAMeetingTakesRegistrationsFiveRegistersTheCallerWithTheirWords() {
        CallTranscript before = ivr.asterisk.dial(Caller.withNumber("09121234567").pressesDuringPrompt("5")
                .hangsUp()).awaitEnd(CALL);
        assertThat(before.played()).as("not offered while no meeting takes registrations")
                .doesNotContain(S + "main-menu-meeting").contains(S + "invalid-choice");
        LocalDateTime now = LocalDateTime.now(ivr.settings.zone());
        Meeting meeting = ivr.meetings.create(new MeetingDesk.MeetingDraft(MeetingKind.PUBLIC_MEETING,
                "دیدار مردمی با شهردار", now.plusDays(7), "تالار شهر", Optional.empty(), List.of("معاون شهرسازی"),
                now.minusHours(1), now.plusDays(2)), "boss");

        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("5")
                .presses("7#").says(STREETLIGHT)).awaitEnd(CALL);

        assertThat(call.played()).containsSubsequence(S + "main-menu", S + "main-menu-meeting", S + "district-ask",
                S + "meeting-matter-ask", S + "meeting-registered", S + "goodbye");
        assertThat(ivr.meetings.registrations(meeting.id())).singleElement().satisfies(registration -> {
            assertThat(registration.callerNumber()).contains("09121234567");
            assertThat(registration.district()).isEqualTo(7);
            assertThat(registration.matter()).isEqualTo(STREETLIGHT);
            assertThat(registration.source()).isEqualTo(RegistrationSource.IVR);
        });
        assertThat(awaitRecord(call).path()).anyMatch(step -> step.startsWith("meeting-registered:"));
    }

    @Test
    void aCallerOnHoldKeepsTheirPlaceWithOneAndIsCalledBackInIt() throws Exception {
        ivr.close();
        ivr = IvrHarness.start(dir.resolve("keep"), s -> s.withKeepPlaceAfter(Duration.ofMillis(1))
                .withHoldAnnouncement(Duration.ofMillis(300)));
        FakeCall first = ivr.asterisk.dial(Caller.withNumber("09121111111").presses("0").holds());
        WaitingCallView waitingFirst = awaitWaiting(first.uniqueId());
        FakeCall keeps = ivr.asterisk.dial(Caller.withNumber("09122222222").presses("0").presses("1"));

        CallTranscript kept = keeps.awaitEnd(CALL);
        assertThat(kept.played()).containsSubsequence(S + "to-agent", S + "hold-position", S + "keep-place-offer",
                S + "keep-place-kept", S + "goodbye");
        assertThat(awaitRecord(kept).outcome()).isEqualTo(CallOutcome.CALLBACK_REQUESTED);
        assertThat(awaitRecord(kept).path()).contains("kept-place");
        assertThat(ivr.switchboard.waitingCalls()).extracting(WaitingCallView::id)
                .as("the one who kept their place left the queue").containsExactly(waitingFirst.id());
        assertThat(ivr.callbacks.open()).singleElement().satisfies(callback -> {
            assertThat(callback.kind()).isEqualTo(CallbackKind.KEPT_PLACE);
            assertThat(callback.number()).isEqualTo("09122222222");
            assertThat(callback.placeAt()).as("their place is when they first waited, not when they pressed 1")
                    .isBefore(callback.askedAt());
        });

        first.hangUp();
        FakeCall withheld = ivr.asterisk.dial(Caller.anonymous().presses("0").holds());
        // Its first announcement ends with «please wait», where an offer would be.
        withheld.awaitCommand(command -> command.contains(S + "hold-please-wait"), CALL);
        withheld.hangUp();
        assertThat(withheld.awaitEnd(CALL).played()).as("a number that cannot be called back is not offered it")
                .doesNotContain(S + "keep-place-offer");
    }

    @Test
    void aHangUpAtAnyStepEndsTheCallCleanlyAndKeepsWhatWasSaid() {
        ivr.desks.desk.register(NewRequest.fromCaller("09120000001", 5, STREETLIGHT, RequestSource.AGENT));
        record Step(String name, Caller caller, CallOutcome outcome, boolean keepsARequest) {
        }
        List<Step> steps = List.of(
                new Step("menu", Caller.withNumber("09121111111").hangsUp(), CallOutcome.HUNG_UP, false),
                new Step("district", Caller.withNumber("09121111112").presses("1").hangsUp(), CallOutcome.HUNG_UP, false),
                new Step("description", Caller.withNumber("09121111113").presses("1").presses("5#").hangsUp(),
                        CallOutcome.HUNG_UP, false),
                new Step("duplicate question", Caller.withNumber("09121111114").presses("1").presses("5#")
                        .says(STREETLIGHT).hangsUp(), CallOutcome.HUNG_UP, true),
                new Step("follow-up code", Caller.withNumber("09121111115").presses("2").hangsUp(), CallOutcome.HUNG_UP,
                        false));
        long before = ivr.desks.store.count();
        for (Step step : steps) {
            CallTranscript call = ivr.asterisk.dial(step.caller()).awaitEnd(CALL);
            assertThat(call.error()).as(step.name()).isEmpty();
            // at most a look at the channel to tell a hang-up from a failed prompt, and Asterisk-Java's status
            assertThat(call.commandsAfterHangUp()).as(step.name() + ": commands after the hang-up")
                    .hasSizeLessThanOrEqualTo(2)
                    .allMatch(c -> c.startsWith("CHANNEL STATUS") || c.startsWith("SET VARIABLE \"AJ_AGISTATUS\""));
            CallRecord record = awaitRecord(call);
            assertThat(record.outcome()).as(step.name()).isEqualTo(step.outcome());
            assertThat(record.path()).as(step.name()).contains("hung-up");
            assertThat(record.request().isPresent()).as(step.name()).isEqualTo(step.keepsARequest());
        }
        assertThat(ivr.desks.store.count()).isEqualTo(before + 1);
    }

    @Test
    void aCallerWhoDescribesTheProblemAndHangsUpInsteadOfPressingHashStillHasItRegistered() {
        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("1").presses("8#")
                .saysThenHangsUp(STREETLIGHT)).awaitEnd(CALL);

        CallRecord record = awaitRecord(call);
        assertThat(record.outcome()).isEqualTo(CallOutcome.HUNG_UP);
        CitizenRequest kept = ivr.desks.desk.find(record.request().orElseThrow()).orElseThrow();
        assertThat(kept.description()).isEqualTo(STREETLIGHT);
        assertThat(kept.district()).isEqualTo(8);
        assertThat(kept.history()).extracting(HistoryEntry::what).contains(Intake.HUNG_UP_NOTE);
        assertThat(call.played()).doesNotContain(S + "registered");
    }

    @Test
    void aCallbackMessageEndedByHangingUpIsRegisteredAllTheSame() throws Exception {
        ivr.close();
        ivr = IvrHarness.start(dir.resolve("short"), s -> s.withAnswerTimeout(Duration.ofSeconds(1)));

        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("1").presses("3#")
                .staysSilent().saysThenHangsUp("لطفاً با من تماس بگیرید")).awaitEnd(CALL);

        CallRecord record = awaitRecord(call);
        assertThat(record.outcome()).isEqualTo(CallOutcome.CALLBACK_REQUESTED);
        CitizenRequest callback = ivr.desks.desk.find(record.request().orElseThrow()).orElseThrow();
        assertThat(callback.district()).isEqualTo(3);
        assertThat(callback.description()).isEqualTo("لطفاً با من تماس بگیرید");
        // the untranscribed description of the same call is not registered a second time
        assertThat(ivr.desks.store.count()).isEqualTo(1);
    }

    @Test
    void anAnsweredCallEndingInAHangUpRegistersNothingOnTheAgentsBehalf() {
        ivr.switchboard.signIn(new Agent("sara", "سارا", "PJSIP/101"));
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("1").presses("9#").staysSilent());
        awaitWaiting(call.uniqueId());
        ivr.switchboard.accept(new CallId(call.uniqueId()), "sara");
        call.awaitCommand(c -> c.contains("DIALSTATUS"), CALL);
        call.hangUp();

        CallRecord record = awaitRecord(call.awaitEnd(CALL));
        assertThat(record.outcome()).isEqualTo(CallOutcome.ESCALATED_ANSWERED);
        assertThat(ivr.desks.store.count()).isZero();
        assertThat(ivr.switchboard.agent("sara").orElseThrow().presence()).isEqualTo(Presence.AVAILABLE);
    }

    @Test
    void aHangUpWhileTheCodeIsReadLeavesTheRequestRegistered() {
        FakeCall call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("1").presses("5#").says(STREETLIGHT));
        call.awaitCommand(c -> c.contains(S + "registered"), CALL);
        call.hangUp();

        CallRecord record = awaitRecord(call.awaitEnd(CALL));
        assertThat(record.outcome()).isEqualTo(CallOutcome.REGISTERED);
        assertThat(ivr.desks.desk.find(record.request().orElseThrow())).isPresent();
    }

    // --- helpers ---

    /** The 8 digits spoken right after the named prompt, as a tracking code. */
    static TrackingCode spokenCode(List<String> played, String prompt) {
        int at = played.indexOf(S + prompt);
        assertThat(at).as("prompt %s in %s", prompt, played).isNotNegative();
        StringBuilder digits = new StringBuilder();
        for (String file : played.subList(at + 1, at + 1 + TrackingCode.LENGTH)) {
            assertThat(file).startsWith(S + "n-");
            digits.append(file.substring((S + "n-").length()));
        }
        return TrackingCode.parse(digits.toString());
    }

    static List<String> afterFirst(List<String> played, String prompt) {
        return played.subList(played.indexOf(S + prompt), played.size());
    }

    static String unknownValidCode(TrackingCode known) {
        for (int n = 1_000_000; ; n++) {
            String body = String.valueOf(n);
            String code = body + TrackingCode.checkDigit(body);
            if (!code.equals(known.value())) {
                return code;
            }
        }
    }

    WaitingCallView awaitWaiting(String uniqueId) {
        return ivr.awaitWaiting(uniqueId, CALL);
    }

    CallRecord awaitRecord(CallTranscript call) {
        return ivr.awaitRecord(call);
    }
}
