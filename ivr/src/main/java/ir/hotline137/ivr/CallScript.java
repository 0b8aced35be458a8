package ir.hotline137.ivr;

import ir.hotline137.calls.CallLog;
import ir.hotline137.calls.CallOutcome;
import ir.hotline137.ivr.call.ActiveCall;
import ir.hotline137.ivr.call.CallerHungUp;
import ir.hotline137.ivr.call.FlowOutcome;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.ivr.escalation.Escalation;
import ir.hotline137.ivr.followup.FollowUp;
import ir.hotline137.ivr.intake.Intake;
import ir.hotline137.ivr.mayor.MayorCall;
import ir.hotline137.ivr.meeting.MeetingRegistrationCall;
import ir.hotline137.ivr.menu.MainMenu;
import ir.hotline137.ivr.server.ScreenedConnection;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.Utterance;
import ir.hotline137.switchboard.EscalationReason;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to 137, from answer to call record: the main menu, then registering, following up, a person, the
 * mayor or a public meeting's registration.
 * This is the top of every call's path; each branch is a class of its own in the package named for it.
 *
 * <p>However the call ends, it ends here: a hang-up at any step is caught once, what the caller had already
 * told us is saved, and the call record is written. A call that ends in our hands as it should is marked
 * handled for the dialplan; one we could not finish is left unmarked, so the dialplan's fallback after
 * {@code AGI()} takes the caller instead of hanging up on them.
 */
public final class CallScript implements AgiScript {
    private static final Logger log = LoggerFactory.getLogger(CallScript.class);
    /** Calls that broke while the caller was still waiting for a person: the dialplan's fallback must take them. */
    private static final Set<CallOutcome> STILL_NEEDS_SOMEONE =
            EnumSet.of(CallOutcome.ESCALATED_ABANDONED, CallOutcome.MAYOR_ABANDONED);

    private final MainMenu menu;
    private final Intake intake;
    private final FollowUp followUp;
    private final Escalation escalation;
    private final MayorCall mayorCall;
    private final MeetingRegistrationCall meetingCall;
    private final CallLog callLog;
    private final IvrSettings settings;
    private final Clock clock;

    public CallScript(MainMenu menu, Intake intake, FollowUp followUp, Escalation escalation, MayorCall mayorCall,
                      MeetingRegistrationCall meetingCall, CallLog callLog, IvrSettings settings, Clock clock) {
        this.menu = menu;
        this.intake = intake;
        this.followUp = followUp;
        this.escalation = escalation;
        this.mayorCall = mayorCall;
        this.meetingCall = meetingCall;
        this.callLog = callLog;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        ActiveCall call = new ActiveCall(request.getUniqueId(), request.getCallerIdNumber(), clock.instant());
        Phone phone = new Phone(channel, ScreenedConnection.ofThisCall().orElseThrow(() ->
                new IllegalStateException("calls reach CallScript through FastAgiServer, whose gate screens them")),
                settings);
        CallOutcome outcome = CallOutcome.ENDED;
        try {
            phone.answer();
            outcome = handle(phone, call);
            markHandled(phone);
        } catch (CallerHungUp gone) {
            outcome = afterHangUp(call);
        } catch (RuntimeException failure) {
            log.error("call {} failed: {}", call.id(), failure.toString(), failure);
            outcome = rescue(phone, call);
        } finally {
            log.info("call {} ended: {}{}", call.id(), outcome, call.request().map(code -> " " + code).orElse(""));
            try {
                callLog.record(call.toRecord(outcome, clock.instant()));
            } catch (RuntimeException e) {
                log.error("call {} ended ({}) but its record could not be stored", call.id(), outcome, e);
            }
        }
    }

    private CallOutcome handle(Phone phone, ActiveCall call) {
        FlowOutcome result = switch (menu.choose(phone, call)) {
            case REGISTER -> intake.run(phone, call);
            case FOLLOW_UP -> followUp.run(phone, call);
            case MAYOR -> mayorCall.run(phone, call);
            case MEETING -> meetingCall.run(phone, call);
            case AGENT -> new FlowOutcome.NeedsAgent(EscalationReason.ASKED_FOR_AGENT);
            case NOT_UNDERSTOOD -> new FlowOutcome.NeedsAgent(EscalationReason.MENU_NOT_UNDERSTOOD);
        };
        return switch (result) {
            case FlowOutcome.Finished finished -> finished.outcome();
            case FlowOutcome.NeedsAgent needsAgent -> escalation.run(phone, call, needsAgent.reason()).outcome();
        };
    }

    // The call's outcome is settled by now: a caller who hangs up this very moment changes nothing.
    private static void markHandled(Phone phone) {
        try {
            phone.markHandled();
        } catch (CallerHungUp gone) {
            // nobody left for the dialplan to route
        }
    }

    private CallOutcome afterHangUp(ActiveCall call) {
        call.step("hung-up");
        keepWhatWasSaid(call);
        return call.outcomeIfHungUp();
    }

    /**
     * A problem the caller described in a known district is registered even if the call did not get as far
     * as confirming it, unless an agent talked to the caller: then the agent registered what was right.
     */
    private void keepWhatWasSaid(ActiveCall call) {
        if (call.outcomeIfHungUp() == CallOutcome.ESCALATED_ANSWERED) {
            return;
        }
        try {
            intake.registerAfterHangUp(call).ifPresent(code ->
                    log.info("call {}: caller hung up before confirmation; registered {} anyway", call.id(), code));
        } catch (RuntimeException e) {
            log.error("call {}: what the caller said could not be registered", call.id(), e);
        }
    }

    /** Something broke on our side: the caller is told and handed to a person rather than dropped. */
    private CallOutcome rescue(Phone phone, ActiveCall call) {
        if (call.outcomeIfHungUp() != CallOutcome.HUNG_UP) {
            // it failed after the call had done its work, or while on the queue: keep what it gathered
            keepWhatWasSaid(call);
            if (!STILL_NEEDS_SOMEONE.contains(call.outcomeIfHungUp())) {
                // The work is done (a missing goodbye, say): the fallback would only start the caller over.
                markHandled(phone);
            }
            return call.outcomeIfHungUp();
        }
        try {
            phone.play(Utterance.of(Prompt.SYSTEM_ERROR));
            CallOutcome outcome = escalation.run(phone, call, EscalationReason.SYSTEM_ERROR).outcome();
            markHandled(phone);
            return outcome;
        } catch (CallerHungUp gone) {
            return afterHangUp(call);
        } catch (RuntimeException again) {
            // Not marked handled: the dialplan's fallback (another node, the agents' queue) takes the caller.
            log.error("call {}: could not hand the caller to an agent either; the dialplan's fallback takes over",
                    call.id(), again);
            return CallOutcome.ENDED;
        }
    }
}
