package ir.hotline137.ivr.intake;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.ivr.IvrSettings;
import ir.hotline137.ivr.call.ActiveCall;
import ir.hotline137.ivr.call.CallerHungUp;
import ir.hotline137.ivr.call.FlowOutcome;
import ir.hotline137.ivr.call.KeypadQuestion;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.ivr.speech.CapturedSpeech;
import ir.hotline137.ivr.speech.RecordingFolder;
import ir.hotline137.ivr.speech.SpeechCapture;
import ir.hotline137.ivr.speech.SpokenThenHungUp;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.SpokenDates;
import ir.hotline137.prompts.SpokenNumbers;
import ir.hotline137.prompts.Utterance;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestNotOpenException;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.duplicates.DuplicateCandidate;
import ir.hotline137.switchboard.EscalationReason;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Registering a problem by phone: the district on the keypad, the problem in the caller's own words, a
 * look for the same problem already reported nearby (join it, or register anew), then the tracking code,
 * spoken twice, only after the request is committed.
 */
public final class Intake {
    /** Who the request's history says registered it. */
    public static final String ACTOR = "ivr";
    /** The history line of a request kept although its caller hung up before hearing its code. */
    public static final String HUNG_UP_NOTE = "تماس‌گیرنده پیش از شنیدن کد رهگیری قطع کرد؛ درخواست با این حال ثبت شد";

    private final RequestDesk desk;
    private final DistrictQuestion districtQuestion;
    private final SpeechCapture speech;
    private final RecordingFolder recordings;
    private final IvrSettings settings;
    private final Clock clock;

    public Intake(RequestDesk desk, DistrictQuestion districtQuestion, SpeechCapture speech, RecordingFolder recordings,
                  IvrSettings settings, Clock clock) {
        this.desk = desk;
        this.districtQuestion = districtQuestion;
        this.speech = speech;
        this.recordings = recordings;
        this.settings = settings;
        this.clock = clock;
    }

    public FlowOutcome run(Phone phone, ActiveCall call) {
        Optional<Integer> district = districtQuestion.ask(phone, call);
        if (district.isEmpty()) {
            return new FlowOutcome.NeedsAgent(EscalationReason.INPUT_NOT_UNDERSTOOD);
        }
        phone.play(Utterance.of(Prompt.DESCRIBE_ASK));
        Path file = recordings.fileFor(call.id(), "description", clock.instant());
        CapturedSpeech said;
        try {
            said = speech.capture(phone, call.id(), file, settings.descriptionLimit());
        } catch (SpokenThenHungUp gone) {
            call.description(gone.speech());
            throw new CallerHungUp("after describing the problem");
        }
        return registerDescribed(phone, call, district.get(), said);
    }

    /**
     * Goes on from a problem already described in a known district: the duplicate offer, then registering and
     * the code. The mayor's line ends here for a caller it could not put through, so their topic is not lost.
     */
    public FlowOutcome registerDescribed(Phone phone, ActiveCall call, int district, CapturedSpeech said) {
        call.description(said);
        if (!(said instanceof CapturedSpeech.Transcribed transcribed)) {
            call.step(said instanceof CapturedSpeech.Untranscribed ? "description:audio-only" : "description:none");
            phone.play(Utterance.of(Prompt.DESCRIPTION_MISSING));
            return new FlowOutcome.NeedsAgent(EscalationReason.DESCRIPTION_NOT_UNDERSTOOD);
        }
        call.step("description:words");
        String category = desk.suggestCategory(transcribed.text());
        List<DuplicateCandidate> similar = desk.findDuplicates(district, Optional.of(category), transcribed.text());
        call.duplicates(similar);
        if (!similar.isEmpty() && wantsToJoin(phone, call, similar.getFirst())) {
            try {
                CitizenRequest joined = desk.join(similar.getFirst().code(), call.callerDigits(), ACTOR);
                call.request(joined.code());
                call.settle(CallOutcome.JOINED);
                call.step("joined");
                phone.play(codeTwice(Prompt.JOINED, joined.code()).then(Prompt.GOODBYE));
                return new FlowOutcome.Finished(CallOutcome.JOINED);
            } catch (RequestNotOpenException closedMeanwhile) {
                call.step("join-refused:" + closedMeanwhile.status());
            }
        }
        CitizenRequest registered = desk.register(new NewRequest(call.callerDigits(), district,
                Optional.of(category), transcribed.text(), RequestSource.IVR_SPEECH,
                transcribed.recording().map(Path::toString), ACTOR, Optional.empty()));
        call.request(registered.code());
        call.settle(CallOutcome.REGISTERED);
        call.step("registered");
        phone.play(codeTwice(Prompt.REGISTERED, registered.code()).then(Prompt.GOODBYE));
        return new FlowOutcome.Finished(CallOutcome.REGISTERED);
    }

    /** "A similar request was registered on …: 1 to join it, 2 to register a new one." No answer registers anew. */
    private boolean wantsToJoin(Phone phone, ActiveCall call, DuplicateCandidate best) {
        Utterance offer = Utterance.of(Prompt.DUPLICATE_FOUND)
                .then(SpokenDates.jalali(best.createdAt(), settings.zone()))
                .then(Prompt.DUPLICATE_CHOICE);
        return new KeypadQuestion(settings.tries()).askKey(phone, call, "duplicate", offer, () -> offer,
                key -> switch (key) {
                    case '1' -> Optional.of(true);
                    case '2' -> Optional.of(false);
                    default -> Optional.<Boolean>empty();
                }).orElse(false);
    }

    /** The code as the caller must hear it: digit by digit, and once more in case they had no pen. */
    public static Utterance codeTwice(Prompt intro, TrackingCode code) {
        Utterance digits = SpokenNumbers.digits(code.value());
        return Utterance.of(intro).then(digits).then(Prompt.CODE_AGAIN).then(digits);
    }

    /**
     * A caller who hung up after describing the problem in a known district still reported it: the report is
     * registered, noted as unconfirmed, rather than lost.
     *
     * @return the code of the request registered, if one was
     */
    public Optional<TrackingCode> registerAfterHangUp(ActiveCall call) {
        if (call.request().isPresent() || call.district().isEmpty() || call.description().isEmpty()) {
            return Optional.empty();
        }
        CapturedSpeech said = call.description().get();
        if (said instanceof CapturedSpeech.NothingSaid) {
            return Optional.empty();
        }
        String text = call.transcript().orElse(settings.untranscribedDescription());
        CitizenRequest registered = desk.register(new NewRequest(call.callerDigits(), call.district().get(),
                Optional.empty(), text, RequestSource.IVR_SPEECH, said.recording().map(Path::toString), ACTOR,
                Optional.of(HUNG_UP_NOTE)));
        call.request(registered.code());
        call.step("registered-after-hang-up");
        return Optional.of(registered.code());
    }
}
