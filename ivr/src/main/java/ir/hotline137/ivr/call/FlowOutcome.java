package ir.hotline137.ivr.call;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.switchboard.EscalationReason;

/** How a part of the call flow ended: the call is done, or a person must take over. */
public sealed interface FlowOutcome {

    record Finished(CallOutcome outcome) implements FlowOutcome {
    }

    record NeedsAgent(EscalationReason reason) implements FlowOutcome {
    }
}
