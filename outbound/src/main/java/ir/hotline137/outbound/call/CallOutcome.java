package ir.hotline137.outbound.call;

/** How one call placed to a citizen went, as far as the telephone network and Asterisk can say. */
public sealed interface CallOutcome {
    /** The citizen picked up; the dialplan runs the notice script now. */
    record Answered(String channel) implements CallOutcome {
    }

    record Busy() implements CallOutcome {
    }

    /** It rang until the ring time ran out, or the citizen turned the call down. */
    record NoAnswer(String why) implements CallOutcome {
    }

    /** The network could not put the call through: congestion, a trunk that is down, a channel that failed. */
    record Failed(String why) implements CallOutcome {
    }

    /** Nothing was dialled: the manager interface cannot be reached or refused the action itself. */
    record Unavailable(String why) implements CallOutcome {
    }

    /**
     * The call was asked for, and then the word of how it went was lost (the connection dropped, no answer in
     * time): it may have rung. Whether the citizen answered is known only from the notice script.
     */
    record Lost(String why) implements CallOutcome {
    }
}
