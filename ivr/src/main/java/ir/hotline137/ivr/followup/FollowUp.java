package ir.hotline137.ivr.followup;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.ivr.IvrSettings;
import ir.hotline137.ivr.call.ActiveCall;
import ir.hotline137.ivr.call.FlowOutcome;
import ir.hotline137.ivr.call.KeypadQuestion;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.PromptCatalogue;
import ir.hotline137.prompts.SpokenDates;
import ir.hotline137.prompts.Utterance;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.switchboard.EscalationReason;
import java.util.Optional;

/**
 * "What became of my request?": the tracking code on the keypad, its check digit verified before anything
 * is looked up (a mistyped digit is caught here, not reported as "not found"), then the status, the date of
 * the last change and, when there is one, the result.
 */
public final class FollowUp {
    private final RequestDesk desk;
    private final PromptCatalogue catalogue;
    private final IvrSettings settings;

    public FollowUp(RequestDesk desk, PromptCatalogue catalogue, IvrSettings settings) {
        this.desk = desk;
        this.catalogue = catalogue;
        this.settings = settings;
    }

    public FlowOutcome run(Phone phone, ActiveCall call) {
        Optional<CitizenRequest> found = new KeypadQuestion(settings.tries()).askNumber(phone, call, "code",
                Utterance.of(Prompt.CODE_ASK), TrackingCode.LENGTH, this::look);
        if (found.isEmpty()) {
            return new FlowOutcome.NeedsAgent(EscalationReason.INPUT_NOT_UNDERSTOOD);
        }
        return tellStatus(phone, call, found.get());
    }

    /** The check digit first, so a mistyped code is told apart from one that was never given out. */
    private KeypadQuestion.Typed<CitizenRequest> look(String typed) {
        if (!TrackingCode.isValid(typed)) {
            return new KeypadQuestion.Refused<>(Prompt.CODE_INVALID, "invalid");
        }
        return desk.find(TrackingCode.parse(typed))
                .<KeypadQuestion.Typed<CitizenRequest>>map(request -> new KeypadQuestion.Accepted<>(request, "found"))
                .orElseGet(() -> new KeypadQuestion.Refused<>(Prompt.CODE_UNKNOWN, "unknown"));
    }

    private FlowOutcome tellStatus(Phone phone, ActiveCall call, CitizenRequest request) {
        call.request(request.code());
        call.settle(CallOutcome.STATUS_HEARD);
        Utterance status = status(request);
        Optional<Utterance> spokenResult = standardResult(request);
        if (spokenResult.isPresent()) {
            phone.play(status.then(spokenResult.get()).then(Prompt.GOODBYE));
            return new FlowOutcome.Finished(CallOutcome.STATUS_HEARD);
        }
        if (!hasWrittenResult(request)) {
            phone.play(status.then(Prompt.GOODBYE));
            return new FlowOutcome.Finished(CallOutcome.STATUS_HEARD);
        }
        phone.play(status);
        if (wantsWrittenResultRead(phone, call)) {
            return new FlowOutcome.NeedsAgent(EscalationReason.ASKED_FOR_AGENT);
        }
        phone.play(Utterance.of(Prompt.GOODBYE));
        return new FlowOutcome.Finished(CallOutcome.STATUS_HEARD);
    }

    /** The request's status and the date of its last change, as a caller hears them. */
    public Utterance status(CitizenRequest request) {
        return Utterance.of(Prompt.STATUS_IS, statusPrompt(request.status()), Prompt.LAST_CHANGE)
                .then(SpokenDates.jalali(request.lastChangedAt(), settings.zone()))
                .then(Prompt.LAST_CHANGE_END);
    }

    /** "The result:" and the result, when it is one of the standard results that recordings can say. */
    public Optional<Utterance> standardResult(CitizenRequest request) {
        return request.result().filter(r -> !r.isBlank()).flatMap(catalogue::standardResult)
                .map(files -> Utterance.of(Prompt.RESULT_IS).then(Utterance.ofFiles(files)));
    }

    /** Whether the result is in the unit's own words, which no recording can speak. */
    public boolean hasWrittenResult(CitizenRequest request) {
        return request.result().filter(r -> !r.isBlank()).isPresent() && standardResult(request).isEmpty();
    }

    /** "The result is written: press 0 to hear it from an agent." Whether they pressed 0. */
    public boolean wantsWrittenResultRead(Phone phone, ActiveCall call) {
        Optional<Character> key = phone.askKey(Utterance.of(Prompt.RESULT_WRITTEN));
        if (key.isPresent() && key.get() == '0') {
            call.step("result:agent");
            return true;
        }
        return false;
    }

    private static Prompt statusPrompt(RequestStatus status) {
        return switch (status) {
            case REGISTERED -> Prompt.STATUS_REGISTERED;
            case REFERRED -> Prompt.STATUS_REFERRED;
            case IN_PROGRESS -> Prompt.STATUS_IN_PROGRESS;
            case RESOLVED -> Prompt.STATUS_RESOLVED;
            case REJECTED -> Prompt.STATUS_REJECTED;
            case CLOSED -> Prompt.STATUS_CLOSED;
            case DUPLICATE -> Prompt.STATUS_DUPLICATE;
        };
    }
}
