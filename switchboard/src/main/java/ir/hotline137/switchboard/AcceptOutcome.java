package ir.hotline137.switchboard;

import java.util.Objects;

/**
 * What became of an agent's attempt to take a waiting call. Losing is ordinary (several agents click the
 * same call), so every way of losing is a value the console can show, not an exception.
 */
public sealed interface AcceptOutcome {

    /** The call is this agent's; the IVR is now ringing their phone. */
    record Accepted(WaitingCallView call, Agent agent) implements AcceptOutcome {
        public Accepted {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(agent, "agent");
        }
    }

    /**
     * Another agent got there first. Names that agent; it is the caller's own username when they accept a
     * call they already hold (a double click).
     */
    record TakenByOther(String agentUsername) implements AcceptOutcome {
        public TakenByOther {
            Objects.requireNonNull(agentUsername, "agentUsername");
        }
    }

    /** The caller hung up, nobody accepted in time, the conversation is over, or the id was never on the queue. */
    record NoLongerWaiting(CallId id) implements AcceptOutcome {
        public NoLongerWaiting {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Nobody is signed in under this name (e.g. the console session outlived a sign-out). */
    record UnknownAgent(String username) implements AcceptOutcome {
        public UnknownAgent {
            Objects.requireNonNull(username, "username");
        }
    }

    /** The agent is on another call or away; one agent never holds two callers. */
    record AgentNotAvailable(String username, Presence presence) implements AcceptOutcome {
        public AgentNotAvailable {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(presence, "presence");
        }
    }
}
