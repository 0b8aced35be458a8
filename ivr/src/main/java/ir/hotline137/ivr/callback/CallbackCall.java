package ir.hotline137.ivr.callback;

import ir.hotline137.ivr.call.DialResult;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.outbound.callback.Callback;
import ir.hotline137.outbound.callback.CallbackDesk;
import ir.hotline137.outbound.callback.CallbackOutcome;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.Utterance;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's side of a callback, once their phone is answered: they hear that the citizen is being called, the
 * citizen's phone rings ({@code Dial}, with the same trunk and ring time as notice calls), the two talk, and how it
 * went is kept on the callback. An agent who hangs up before the citizen answers leaves it waiting in its place, not
 * counted against the citizen.
 */
public final class CallbackCall {
    private static final Logger log = LoggerFactory.getLogger(CallbackCall.class);

    private final CallbackDesk callbacks;
    private final UnaryOperator<String> citizenChannel;
    private final Duration ringTime;

    /** @param citizenChannel the channel for a citizen's number (the dial string of notice calls) */
    public CallbackCall(CallbackDesk callbacks, UnaryOperator<String> citizenChannel, Duration ringTime) {
        this.callbacks = callbacks;
        this.citizenChannel = citizenChannel;
        this.ringTime = ringTime;
    }

    public void run(Phone phone, String callId, long id) {
        Optional<Callback> calling = callbacks.ringingCitizen(id);
        if (calling.isEmpty()) {
            log.warn("call {} names callback {}, which is not being called", callId, id);
            return;
        }
        Callback callback = calling.get();
        String agent = callback.callingBy().orElse("");
        int number = callback.tries().size() + 1;
        CallbackOutcome outcome = CallbackOutcome.AGENT_MISSED;
        try {
            phone.play(Utterance.of(Prompt.CALLBACK_CONNECTING));
            outcome = outcomeOf(phone.dial(citizenChannel.apply(callback.number()), ringTime));
        } finally {
            // Also when the agent's line went before the citizen's phone was rung: the try was not the citizen's.
            callbacks.citizenLeg(id, agent, number, outcome);
            log.info("callback {} by {}: {}", id, agent, outcome);
        }
    }

    /** {@code DIALSTATUS} as app_dial sets it. */
    private static CallbackOutcome outcomeOf(DialResult dialled) {
        if (dialled.answered()) {
            return CallbackOutcome.ANSWERED;
        }
        if (dialled.callerHungUp()) {
            return CallbackOutcome.AGENT_MISSED;
        }
        return switch (dialled.status()) {
            case "BUSY" -> CallbackOutcome.BUSY;
            case "NOANSWER" -> CallbackOutcome.NO_ANSWER;
            case "CANCEL" -> CallbackOutcome.AGENT_MISSED;
            default -> CallbackOutcome.FAILED;
        };
    }
}
