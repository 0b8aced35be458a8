package ir.hotline137.switchboard;

import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in agent as screens see it: who, whether they can take a call, and which call they are on.
 *
 * @param currentCall present exactly while the agent is BUSY
 * @param awayReason  present exactly while the agent is AWAY
 */
public record AgentView(Agent agent, Presence presence, Optional<CallId> currentCall,
                        Optional<AwayReason> awayReason) {
    public AgentView {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(currentCall, "currentCall");
        Objects.requireNonNull(awayReason, "awayReason");
        if (currentCall.isPresent() != (presence == Presence.BUSY)) {
            throw new IllegalArgumentException("a current call goes with BUSY and only with it: " + presence);
        }
        if (awayReason.isPresent() != (presence == Presence.AWAY)) {
            throw new IllegalArgumentException("a reason for being away goes with AWAY and only with it: " + presence);
        }
    }
}
