package ir.hotline137.ivr.meeting;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.ivr.IvrSettings;
import ir.hotline137.ivr.call.ActiveCall;
import ir.hotline137.ivr.call.CallerHungUp;
import ir.hotline137.ivr.call.FlowOutcome;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.ivr.intake.DistrictQuestion;
import ir.hotline137.ivr.speech.CapturedSpeech;
import ir.hotline137.ivr.speech.RecordingFolder;
import ir.hotline137.ivr.speech.SpeechCapture;
import ir.hotline137.ivr.speech.SpokenThenHungUp;
import ir.hotline137.mayor.meeting.Meeting;
import ir.hotline137.mayor.meeting.MeetingDesk;
import ir.hotline137.mayor.meeting.MeetingRefused;
import ir.hotline137.mayor.meeting.Registration;
import ir.hotline137.mayor.meeting.RegistrationSource;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.Utterance;
import ir.hotline137.switchboard.EscalationReason;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * "5: register for the public meeting", offered while a meeting takes registrations: the district (unless the
 * meeting is a district's own), then the matter in the caller's own words; the registration is stored, then the
 * caller hears that it is, and that the day, time and place come by SMS once the committee has looked at it. With
 * several meetings open, the soonest. Words that were recorded but not understood are kept as the untranscribed
 * description says, for the executive review to hear from the call's recording.
 */
public final class MeetingRegistrationCall {
    public static final String ACTOR = "ivr";

    private final MeetingDesk meetings;
    private final DistrictQuestion districtQuestion;
    private final SpeechCapture speech;
    private final RecordingFolder recordings;
    private final IvrSettings settings;
    private final Clock clock;

    public MeetingRegistrationCall(MeetingDesk meetings, DistrictQuestion districtQuestion, SpeechCapture speech,
                                   RecordingFolder recordings, IvrSettings settings, Clock clock) {
        this.meetings = meetings;
        this.districtQuestion = districtQuestion;
        this.speech = speech;
        this.recordings = recordings;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the menu offers it now. */
    public boolean isOpen() {
        return !meetings.openForRegistration().isEmpty();
    }

    public FlowOutcome run(Phone phone, ActiveCall call) {
        List<Meeting> open = meetings.openForRegistration();
        if (open.isEmpty()) {
            // It closed while the menu played.
            call.step("meeting:closed");
            phone.play(Utterance.of(Prompt.MEETING_CLOSED, Prompt.GOODBYE));
            return new FlowOutcome.Finished(CallOutcome.ENDED);
        }
        Meeting meeting = open.getFirst();
        Optional<Integer> district = meeting.district().or(() -> districtQuestion.ask(phone, call));
        if (district.isEmpty()) {
            return new FlowOutcome.NeedsAgent(EscalationReason.INPUT_NOT_UNDERSTOOD);
        }
        phone.play(Utterance.of(Prompt.MEETING_MATTER_ASK));
        Path file = recordings.fileFor(call.id(), "meeting", clock.instant());
        CapturedSpeech said;
        try {
            said = speech.capture(phone, call.id(), file, settings.descriptionLimit());
        } catch (SpokenThenHungUp gone) {
            // Hanging up after saying it is how many end: the registration stands.
            register(meeting, call, district.get(), gone.speech());
            throw new CallerHungUp("after saying the meeting's matter");
        }
        if (said instanceof CapturedSpeech.NothingSaid) {
            call.step("meeting:nothing-said");
            phone.play(Utterance.of(Prompt.DESCRIPTION_MISSING));
            return new FlowOutcome.NeedsAgent(EscalationReason.DESCRIPTION_NOT_UNDERSTOOD);
        }
        Optional<Registration> registered = register(meeting, call, district.get(), said);
        if (registered.isEmpty()) {
            phone.play(Utterance.of(Prompt.MEETING_CLOSED, Prompt.GOODBYE));
            return new FlowOutcome.Finished(CallOutcome.ENDED);
        }
        phone.play(Utterance.of(Prompt.MEETING_REGISTERED, Prompt.GOODBYE));
        return new FlowOutcome.Finished(CallOutcome.ENDED);
    }

    /** Stored before the caller is told; empty when registration closed meanwhile. */
    private Optional<Registration> register(Meeting meeting, ActiveCall call, int district, CapturedSpeech said) {
        said.recording().ifPresent(call::recording);
        String matter = said instanceof CapturedSpeech.Transcribed words ? words.text()
                : settings.untranscribedDescription();
        try {
            Registration registration = meetings.register(meeting.id(), call.callerDigits(), district, matter,
                    RegistrationSource.IVR, ACTOR);
            call.step("meeting-registered:" + registration.id());
            return Optional.of(registration);
        } catch (MeetingRefused closed) {
            call.step("meeting:closed");
            return Optional.empty();
        }
    }
}
