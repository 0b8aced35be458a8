package ir.hotline137.ivr.escalation;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.ivr.IvrSettings;
import ir.hotline137.ivr.call.ActiveCall;
import ir.hotline137.ivr.call.CallerHungUp;
import ir.hotline137.ivr.call.DialResult;
import ir.hotline137.ivr.call.FlowOutcome;
import ir.hotline137.ivr.call.Hold;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.ivr.intake.DistrictQuestion;
import ir.hotline137.ivr.intake.Intake;
import ir.hotline137.ivr.speech.CapturedSpeech;
import ir.hotline137.ivr.speech.RecordingFolder;
import ir.hotline137.ivr.speech.SpeechCapture;
import ir.hotline137.ivr.speech.SpokenThenHungUp;
import ir.hotline137.outbound.callback.CallbackDesk;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.Utterance;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.District;
import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.PersianDigits;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.duplicates.DuplicateCandidate;
import ir.hotline137.switchboard.Agent;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.EscalationReason;
import ir.hotline137.switchboard.GatheredInfo;
import ir.hotline137.switchboard.SuggestedDuplicate;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.WaitingCall;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Handing a call to a person. The call joins the switchboard's queue with everything gathered so far; the
 * caller is put on {@link Hold} (music and, every half minute, their place in the queue). When an agent accepts,
 * the caller is bridged to that agent's phone. If nobody accepts in time, the caller may leave a message,
 * registered as a request for a callback. A caller who has waited {@code hotline.ivr.keep-place-after} may instead
 * keep their place: 1, and they are called back in the order they first waited ({@link CallbackDesk}). A caller who
 * hangs up leaves the queue at once.
 */
public final class Escalation {
    /** Earlier requests are counted up to this many: past it, "many" is all the agent needs to know. */
    private static final int EARLIER_COUNTED = 100;

    private final Switchboard switchboard;
    private final RequestDesk desk;
    private final CallbackDesk callbacks;
    private final DistrictQuestion districtQuestion;
    private final SpeechCapture speech;
    private final RecordingFolder recordings;
    private final IvrSettings settings;
    private final Clock clock;

    public Escalation(Switchboard switchboard, RequestDesk desk, CallbackDesk callbacks,
                      DistrictQuestion districtQuestion, SpeechCapture speech, RecordingFolder recordings,
                      IvrSettings settings, Clock clock) {
        this.switchboard = switchboard;
        this.desk = desk;
        this.callbacks = callbacks;
        this.districtQuestion = districtQuestion;
        this.speech = speech;
        this.recordings = recordings;
        this.settings = settings;
        this.clock = clock;
    }

    public FlowOutcome.Finished run(Phone phone, ActiveCall call, EscalationReason reason) {
        call.step(CallRecord.TO_AGENTS + reason.name().toLowerCase());
        phone.play(Utterance.of(Prompt.TO_AGENT));
        WaitingCall waiting = switchboard.enqueue(new CallId(call.id()), gathered(call, reason));
        call.settle(CallOutcome.ESCALATED_ABANDONED);
        try {
            return hold(phone, call, waiting);
        } catch (CallerHungUp gone) {
            call.waited(waiting.waited());
            throw gone;
        } finally {
            // However the hold ends, no call may stay on agents' screens that nobody holds any more. After a
            // bridge or a time-out this does nothing.
            waiting.abandon();
        }
    }

    /** How a wait for an agent ends, short of the caller hanging up. */
    private sealed interface HoldEnd {
        record Assigned(Agent agent) implements HoldEnd {
        }

        record TimedOut() implements HoldEnd {
        }

        /** They pressed 1 to keep their place and be called back. */
        record KeptPlace() implements HoldEnd {
        }
    }

    private FlowOutcome.Finished hold(Phone phone, ActiveCall call, WaitingCall waiting) {
        Instant deadline = clock.instant().plus(settings.answerTimeout());
        Hold hold = new Hold(phone, waiting::position, Prompt.HOLD_PLEASE_WAIT, settings, clock);
        Optional<Hold.Offer<HoldEnd>> keepPlace = CallbackDesk.canCallBack(call.callerDigits())
                ? Optional.of(new Hold.Offer<>(Prompt.KEEP_PLACE_OFFER, '1', settings.keepPlaceAfter(),
                        waiting.enqueuedAt(), new HoldEnd.KeptPlace()))
                : Optional.empty();
        hold.begin();
        while (true) {
            switch (hold.until(() -> next(waiting, deadline), keepPlace, "while waiting for an agent")) {
                case HoldEnd.Assigned assigned -> {
                    Optional<FlowOutcome.Finished> bridged = bridge(phone, call, waiting, assigned.agent());
                    if (bridged.isPresent()) {
                        return bridged.get();
                    }
                    hold.resume();
                }
                case HoldEnd.TimedOut timedOut -> {
                    call.waited(waiting.waited());
                    return callback(phone, call, waiting.enqueuedAt());
                }
                case HoldEnd.KeptPlace kept -> {
                    // Leaving the queue as a time-out does: unless an agent took the call that very moment, who
                    // then gets it (the next look returns the assignment).
                    if (waiting.timeOut()) {
                        call.waited(waiting.waited());
                        return keepPlace(phone, call, waiting.enqueuedAt());
                    }
                }
            }
        }
    }

    private Optional<HoldEnd> next(WaitingCall waiting, Instant deadline) {
        Optional<Agent> agent = waiting.assignedAgent();
        if (agent.isPresent()) {
            return Optional.of(new HoldEnd.Assigned(agent.get()));
        }
        if (!clock.instant().isBefore(deadline) && waiting.timeOut()) {
            return Optional.of(new HoldEnd.TimedOut());
        }
        return Optional.empty();
    }

    /** @return the end of the call, or empty when the agent's phone did not answer and the caller waits on */
    private Optional<FlowOutcome.Finished> bridge(Phone phone, ActiveCall call, WaitingCall waiting, Agent agent) {
        call.waited(waiting.waited());
        call.step("bridge:" + agent.username());
        phone.musicOnHold(false);
        phone.play(Utterance.of(Prompt.AGENT_CONNECTING));
        DialResult dialled = phone.dial(agent.dialString(), settings.ringTimeout());
        if (dialled.answered()) {
            call.answeredBy(agent.username());
            call.settle(CallOutcome.ESCALATED_ANSWERED);
            waiting.bridgeEnded();
            if (dialled.callerHungUp()) {
                throw new CallerHungUp("at the end of the conversation with " + agent.username());
            }
            // The agent ended the conversation and the caller is still on the line: they hear a goodbye.
            call.step("agent-hung-up");
            phone.play(Utterance.of(Prompt.GOODBYE));
            return Optional.of(new FlowOutcome.Finished(CallOutcome.ESCALATED_ANSWERED));
        }
        if (dialled.callerHungUp()) {
            throw new CallerHungUp("while " + agent.username() + "'s phone was ringing"); // abandon frees the agent
        }
        call.step("bridge-failed:" + dialled.status().toLowerCase());
        waiting.bridgeFailed();
        phone.play(Utterance.of(Prompt.AGENT_NO_ANSWER));
        return Optional.empty();
    }

    /** They keep their place: kept among the callbacks at the time they first waited, and the call ends. */
    private FlowOutcome.Finished keepPlace(Phone phone, ActiveCall call, Instant placeAt) {
        call.step("kept-place");
        phone.musicOnHold(false);
        callbacks.keepPlace(call.callerDigits(), placeAt, call.district());
        call.settle(CallOutcome.CALLBACK_REQUESTED);
        phone.play(Utterance.of(Prompt.KEEP_PLACE_KEPT, Prompt.GOODBYE));
        return new FlowOutcome.Finished(CallOutcome.CALLBACK_REQUESTED);
    }

    /** Nobody could take the call in time: a recorded message, registered so that someone calls back. */
    private FlowOutcome.Finished callback(Phone phone, ActiveCall call, Instant placeAt) {
        call.step("callback");
        phone.musicOnHold(false);
        phone.play(Utterance.of(Prompt.CALLBACK_OFFER));
        Path file = recordings.fileFor(call.id(), "message", clock.instant());
        CapturedSpeech message;
        try {
            message = speech.capture(phone, call.id(), file, settings.descriptionLimit());
        } catch (SpokenThenHungUp leftAMessage) {
            // Hanging up after the message is how most people end one: it counts all the same.
            registerCallback(call, leftAMessage.speech(), call.district(), placeAt);
            throw new CallerHungUp("after leaving a message");
        }
        if (message instanceof CapturedSpeech.NothingSaid) {
            phone.play(Utterance.of(Prompt.CALLBACK_EMPTY, Prompt.GOODBYE));
            return new FlowOutcome.Finished(CallOutcome.ESCALATED_UNANSWERED);
        }
        message.recording().ifPresent(call::recording);
        Optional<Integer> district = call.district().or(() -> districtQuestion.ask(phone, call));
        Optional<CitizenRequest> registered = registerCallback(call, message, district, placeAt);
        phone.play(registered
                .map(r -> Intake.codeTwice(Prompt.CALLBACK_REGISTERED, r.code()).then(Prompt.GOODBYE))
                .orElse(Utterance.of(Prompt.GOODBYE)));
        return new FlowOutcome.Finished(CallOutcome.CALLBACK_REQUESTED);
    }

    /**
     * Registers the message as a request for a callback. Without a district there is no request to register:
     * the message then stays on the call record, which says a callback was asked for.
     */
    private Optional<CitizenRequest> registerCallback(ActiveCall call, CapturedSpeech message,
                                                      Optional<Integer> district, Instant placeAt) {
        message.recording().ifPresent(call::recording);
        if (district.isEmpty()) {
            call.settle(CallOutcome.CALLBACK_REQUESTED);
            callbacks.leftMessage(call.callerDigits(), placeAt, Optional.empty(), district);
            return Optional.empty();
        }
        String text = message instanceof CapturedSpeech.Transcribed t ? t.text() : settings.callbackDescription();
        CitizenRequest registered = desk.register(new NewRequest(call.callerDigits(), district.get(), Optional.empty(),
                text, RequestSource.IVR_SPEECH, message.recording().map(Path::toString), Intake.ACTOR,
                Optional.of("درخواست تماس دوباره: کسی در " + minutes(settings.answerTimeout()) + " پاسخ نداد")));
        call.request(registered.code());
        call.settle(CallOutcome.CALLBACK_REQUESTED);
        call.step("callback-registered");
        callbacks.leftMessage(call.callerDigits(), placeAt, Optional.of(registered.code()), district);
        return Optional.of(registered);
    }

    private GatheredInfo gathered(ActiveCall call, EscalationReason reason) {
        Optional<String> districtName = call.district().map(d -> desk.districts().get(d)).map(District::name);
        return new GatheredInfo(call.callerDigits(), call.district(), districtName, call.transcript(),
                call.recording().map(Path::toString), call.duplicates().stream().map(Escalation::suggested).toList(),
                reason, earlierRequests(call.callerDigits()));
    }

    /** How many requests the number made before, so the agent sees a caller who has called before as one. */
    private int earlierRequests(Optional<String> number) {
        try {
            return number.map(digits -> desk.findByCaller(digits, EARLIER_COUNTED).size()).orElse(0);
        } catch (InvalidRequestException notANumber) {
            return 0; // a caller id no request could hold (e.g. "anonymous") has none
        }
    }

    private static SuggestedDuplicate suggested(DuplicateCandidate candidate) {
        return new SuggestedDuplicate(candidate.code().value(), candidate.similarity(), candidate.createdAt(),
                candidate.category());
    }

    private static String minutes(Duration d) {
        return PersianDigits.toPersian(d.toSeconds() % 60 == 0 ? d.toMinutes() + " دقیقه"
                : d.toSeconds() + " ثانیه");
    }
}
