package ir.hotline137.ivr.mayor;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.ivr.IvrSettings;
import ir.hotline137.ivr.call.ActiveCall;
import ir.hotline137.ivr.call.CallerHungUp;
import ir.hotline137.ivr.call.DialResult;
import ir.hotline137.ivr.call.FlowOutcome;
import ir.hotline137.ivr.call.Hold;
import ir.hotline137.ivr.call.KeypadQuestion;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.ivr.intake.DistrictQuestion;
import ir.hotline137.ivr.intake.Intake;
import ir.hotline137.ivr.speech.CapturedSpeech;
import ir.hotline137.ivr.speech.RecordingFolder;
import ir.hotline137.ivr.speech.SpeechCapture;
import ir.hotline137.ivr.speech.SpokenThenHungUp;
import ir.hotline137.mayor.line.MayorCaller;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.line.MayorTopic;
import ir.hotline137.mayor.line.Turn;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.Utterance;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.EscalationReason;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caller who pressed 4 during a live programme: district on the keypad, name and topic in their own words,
 * then a place on the {@link MayorLine} and music while the moderator screens them. When the mayor takes
 * them the conversation is recorded (MixMonitor, before the Dial) and bridged to the mayor's phone; the recording is
 * claimed only once its file is seen to hold sound.
 *
 * <p>A caller turned away, or still waiting when the programme ends, hears why and is offered the normal
 * intake with what they already said as the description, so nobody has to tell their story twice.
 *
 * <p>The caller waits on the same {@link Hold} as a caller waiting for an agent.
 */
public final class MayorCall {
    private static final Logger log = LoggerFactory.getLogger(MayorCall.class);

    private final MayorLine line;
    private final Intake intake;
    private final DistrictQuestion districtQuestion;
    private final SpeechCapture speech;
    private final RecordingFolder recordings;
    private final IvrSettings settings;
    private final Clock clock;

    public MayorCall(MayorLine line, Intake intake, DistrictQuestion districtQuestion, SpeechCapture speech,
                     RecordingFolder recordings, IvrSettings settings, Clock clock) {
        this.line = line;
        this.intake = intake;
        this.districtQuestion = districtQuestion;
        this.speech = speech;
        this.recordings = recordings;
        this.settings = settings;
        this.clock = clock;
    }

    public FlowOutcome run(Phone phone, ActiveCall call) {
        call.step("mayor");
        Optional<Integer> district = districtQuestion.ask(phone, call);
        if (district.isEmpty()) {
            return new FlowOutcome.NeedsAgent(EscalationReason.INPUT_NOT_UNDERSTOOD);
        }
        Optional<CapturedSpeech> topic = askTopic(phone, call);
        if (topic.isEmpty()) {
            return new FlowOutcome.NeedsAgent(EscalationReason.DESCRIPTION_NOT_UNDERSTOOD);
        }
        CapturedSpeech said = topic.get();
        said.recording().ifPresent(call::recording);
        MayorCaller caller;
        try {
            caller = line.join(new CallId(call.id()), new MayorTopic(call.callerDigits(), district,
                    said instanceof CapturedSpeech.Transcribed t ? Optional.of(t.text()) : Optional.empty(),
                    said.recording().map(Path::toString)));
        } catch (IllegalStateException programmeOver) {
            // It ended while the caller was speaking.
            call.step("mayor:closed");
            return offerIntake(phone, call, district.get(), said, Prompt.MAYOR_SESSION_CLOSED);
        }
        call.step("mayor:joined");
        call.settle(CallOutcome.MAYOR_ABANDONED);
        try {
            return hold(phone, call, caller, district.get(), said);
        } finally {
            // Hung up while waiting: off the moderator's screen at once. On air: the mayor is free again.
            caller.abandon();
        }
    }

    /** Name and topic, asked twice if nothing came; empty if nothing came either time. */
    private Optional<CapturedSpeech> askTopic(Phone phone, ActiveCall call) {
        Path file = recordings.fileFor(call.id(), "mayor-topic", clock.instant());
        Utterance ask = Utterance.of(Prompt.MAYOR_TOPIC_ASK);
        for (int attempt = 1; attempt <= 2; attempt++) {
            phone.play(ask);
            CapturedSpeech said;
            try {
                said = speech.capture(phone, call.id(), file, settings.descriptionLimit());
            } catch (SpokenThenHungUp gone) {
                // A topic for the mayor is not a request the caller asked us to register.
                throw new CallerHungUp("after telling the topic for the mayor");
            }
            if (!(said instanceof CapturedSpeech.NothingSaid)) {
                call.step(said instanceof CapturedSpeech.Transcribed ? "mayor:topic" : "mayor:topic-audio-only");
                return Optional.of(said);
            }
            call.step("mayor:topic-none");
            ask = Utterance.of(Prompt.MAYOR_TOPIC_MISSING, Prompt.MAYOR_TOPIC_ASK);
        }
        return Optional.empty();
    }

    private FlowOutcome hold(Phone phone, ActiveCall call, MayorCaller caller, int district, CapturedSpeech said) {
        phone.play(Utterance.of(Prompt.MAYOR_IN_LINE));
        Hold hold = Hold.sayingChanges(phone, caller::placeInTurn, caller::estimatedWait, Prompt.MAYOR_PLEASE_WAIT,
                settings, clock);
        hold.begin();
        while (true) {
            Turn turn;
            try {
                turn = hold.until(() -> decided(caller), "while waiting for the mayor");
            } catch (CallerHungUp gone) {
                call.waited(caller.view().waited());
                throw gone;
            }
            switch (turn) {
                case Turn.OnAir onAir -> {
                    Optional<FlowOutcome> talked = bridge(phone, call, caller, onAir);
                    if (talked.isPresent()) {
                        return talked.get();
                    }
                    hold.resume();
                }
                case Turn.Rejected rejected -> {
                    call.step("mayor:rejected");
                    call.waited(caller.view().waited());
                    phone.musicOnHold(false);
                    return offerIntake(phone, call, district, said, Prompt.MAYOR_REJECTED);
                }
                case Turn.SessionClosed closed -> {
                    call.step("mayor:closed");
                    call.waited(caller.view().waited());
                    phone.musicOnHold(false);
                    return offerIntake(phone, call, district, said, Prompt.MAYOR_SESSION_CLOSED);
                }
                case Turn.HungUp gone -> throw new CallerHungUp("on the mayor's line");
                case Turn.StillWaiting waiting -> throw new IllegalStateException("the hold ended while still waiting");
            }
        }
    }

    /** The caller's turn once something has happened to it; empty while they wait on. */
    private static Optional<Turn> decided(MayorCaller caller) {
        Turn turn = caller.turn();
        return turn instanceof Turn.StillWaiting ? Optional.empty() : Optional.of(turn);
    }

    /**
     * Records and bridges the caller to the mayor. The recording is announced before the bridge, so a directive
     * written during the conversation points to it, and taken back afterwards if its file holds no sound:
     * MixMonitor answers success even when Asterisk's user cannot write the file.
     *
     * @return the end of the call, or empty when the mayor's phone did not answer and the caller waits on
     */
    private Optional<FlowOutcome> bridge(Phone phone, ActiveCall call, MayorCaller caller, Turn.OnAir onAir) {
        call.waited(caller.view().waited());
        call.step("mayor:bridge:" + onAir.mayorUsername());
        Path file = recordings.fileFor(call.id(), "mayor", clock.instant());
        Path wav = file.resolveSibling(file.getFileName() + ".wav");
        boolean recording;
        DialResult dialled;
        try {
            phone.musicOnHold(false);
            phone.play(Utterance.of(Prompt.MAYOR_CONNECTING));
            recording = phone.recordConversation(wav);
            if (recording) {
                caller.recordedAs(wav.toString());
            } else {
                // The programme is live: the mayor still takes the call, but someone must know it is not on file.
                log.warn("call {}: Asterisk could not record the conversation with the mayor (is MixMonitor loaded?)",
                        call.id());
            }
            dialled = phone.dial(onAir.dialString(), settings.ringTimeout());
        } catch (CallerHungUp gone) {
            caller.hungUpBeforeAnswer();
            throw gone;
        }
        if (dialled.answered()) {
            return Optional.of(talked(phone, call, caller, onAir, wav, recording, dialled.callerHungUp()));
        }
        if (dialled.callerHungUp()) {
            // Gone before the mayor answered: they never talked, and must not be put back in line.
            caller.hungUpBeforeAnswer();
            throw new CallerHungUp("while the mayor's phone was ringing");
        }
        caller.notReached();
        call.step("mayor:no-answer:" + dialled.status().toLowerCase());
        if (recording) {
            phone.stopRecordingConversation();
        }
        phone.play(Utterance.of(Prompt.MAYOR_NO_ANSWER));
        return Optional.empty();
    }

    /**
     * The conversation is over. It is settled first, and the mayor freed for the next caller, whatever happens
     * after; then the caller still on the line hears goodbye; the recording is looked at last, so a missing file
     * keeps nobody waiting in silence.
     */
    private FlowOutcome talked(Phone phone, ActiveCall call, MayorCaller caller, Turn.OnAir onAir, Path wav,
                               boolean recording, boolean callerGone) {
        call.answeredBy(onAir.mayorUsername());
        call.settle(CallOutcome.MAYOR_TALKED);
        caller.talked();
        try {
            if (callerGone) {
                throw new CallerHungUp("at the end of the conversation with the mayor");
            }
            call.step("mayor:mayor-hung-up");
            // Closes the file now, before the goodbye is mixed into it.
            phone.stopRecordingConversation();
            phone.play(Utterance.of(Prompt.GOODBYE));
            return new FlowOutcome.Finished(CallOutcome.MAYOR_TALKED);
        } finally {
            keepRecording(call, caller, wav, recording);
        }
    }

    /** The conversation's recording stays on the call and the programme's record only if Asterisk wrote it. */
    private void keepRecording(ActiveCall call, MayorCaller caller, Path wav, boolean started) {
        if (started && recordings.holdsAudio(wav)) {
            call.recording(wav);
            return;
        }
        if (started) {
            caller.notRecorded();
            log.warn("call {}: MixMonitor started but {} holds no sound: Asterisk's user cannot write the recordings "
                    + "folder (see hotline.recordings.group and mode in the README)", call.id(), wav);
        }
        call.step("mayor:not-recorded");
    }

    /** What a caller turned away may choose. */
    private enum Offer { REGISTER, END }

    /**
     * "You can register this as a request: 1 to register, 2 to end." No answer registers: a caller who waited
     * for the mayor wanted the problem heard, and a request can be closed but a topic not kept cannot be found.
     */
    private FlowOutcome offerIntake(Phone phone, ActiveCall call, int district, CapturedSpeech said,
                                    Prompt why) {
        call.settle(CallOutcome.HUNG_UP);
        // Hanging up during the offer keeps the topic as a request too, as hanging up after describing does.
        call.description(said);
        Utterance offer = Utterance.of(Prompt.MAYOR_INTAKE_OFFER);
        Offer chosen = new KeypadQuestion(settings.tries()).askKey(phone, call, "mayor:offer",
                Utterance.of(why).then(offer), () -> offer, key -> switch (key) {
                    case '1' -> Optional.of(Offer.REGISTER);
                    case '2' -> Optional.of(Offer.END);
                    default -> Optional.<Offer>empty();
                }).orElse(Offer.REGISTER);
        if (chosen == Offer.END) {
            phone.play(Utterance.of(Prompt.GOODBYE));
            return new FlowOutcome.Finished(CallOutcome.ENDED);
        }
        return intake.registerDescribed(phone, call, district, said);
    }
}
