package ir.hotline137.outbound.callback;

/** How one try at calling a citizen back went. */
public enum CallbackOutcome {
    /** The citizen answered and talked with the agent. */
    ANSWERED,
    BUSY,
    NO_ANSWER,
    /** The network could not put the call through. */
    FAILED,
    /** The agent's own phone did not answer, or the agent hung up before the citizen did: not the citizen's try. */
    AGENT_MISSED,
    /** The manager interface could not place the call, or its end went unsaid: not the citizen's try either. */
    UNAVAILABLE,
    /** An agent closed it by hand. */
    CLOSED_BY_AGENT;

    /** Whether this try counts against the tries a citizen is given. */
    public boolean isCitizens() {
        return this == BUSY || this == NO_ANSWER || this == FAILED;
    }
}
