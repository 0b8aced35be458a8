package ir.hotline137.switchboard;

import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in agent as screens see it: who, whether they can take a call, and which call they are on.
 *
 * @param currentCall present exactly while the agent is BUSY
 */
public record AgentView(Agent agent, Presence presence, Optional<CallId> currentCall) {
    public AgentView {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(currentCall, "currentCall");
    }
}
