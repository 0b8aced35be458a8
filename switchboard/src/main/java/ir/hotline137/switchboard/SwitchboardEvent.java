package ir.hotline137.switchboard;

import java.time.Instant;
import java.util.Objects;

/**
 * A change on the switchboard, published to {@link SwitchboardListener}s in the order the changes were
 * made, so a screen that applies them one by one ends up with the switchboard's own picture.
 */
public sealed interface SwitchboardEvent {

    /** When the change was made, by the switchboard's clock. */
    Instant at();

    /** A caller joined the back of the queue. */
    record CallWaiting(Instant at, WaitingCallView call) implements SwitchboardEvent {
        public CallWaiting {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(call, "call");
        }
    }

    /** An agent accepted a call; followed by {@link CallLeftQueue} with {@link LeaveReason#ASSIGNED}. */
    record CallAssigned(Instant at, CallId id, String agentUsername) implements SwitchboardEvent {
        public CallAssigned {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agentUsername, "agentUsername");
        }
    }

    /**
     * A call stopped waiting. ABANDONED can follow ASSIGNED for the same call: the caller hung up while the
     * agent's phone was ringing, and the call is gone for good.
     */
    record CallLeftQueue(Instant at, CallId id, LeaveReason reason) implements SwitchboardEvent {
        public CallLeftQueue {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a call left the queue. */
    enum LeaveReason {
        /** An agent accepted it. */
        ASSIGNED,
        /** The caller hung up. */
        ABANDONED,
        /** Nobody accepted it in time; the IVR offers the caller something else. */
        TIMED_OUT
    }

    /**
     * The accepting agent's phone did not answer: the call is back in the queue at the place it first had,
     * and can be accepted again.
     */
    record CallReturned(Instant at, CallId id, String agentUsername) implements SwitchboardEvent {
        public CallReturned {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agentUsername, "agentUsername");
        }
    }

    /** The conversation between caller and agent is over; the call is gone from the switchboard. */
    record CallEnded(Instant at, CallId id, String agentUsername) implements SwitchboardEvent {
        public CallEnded {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agentUsername, "agentUsername");
        }
    }

    /** An agent signed in, changed presence, took or finished a call, or changed their name or phone. */
    record AgentPresenceChanged(Instant at, AgentView agent) implements SwitchboardEvent {
        public AgentPresenceChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(agent, "agent");
        }
    }

    /** An agent signed out; screens drop them from the list. */
    record AgentSignedOut(Instant at, String username) implements SwitchboardEvent {
        public AgentSignedOut {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(username, "username");
        }
    }
}
