package ir.hotline137.console.board;

import com.fasterxml.jackson.annotation.JsonProperty;
import ir.hotline137.switchboard.SwitchboardEvent;
import java.time.Instant;
import java.util.List;

/**
 * What the live board socket sends, one JSON text frame each. The first is always a {@link Snapshot}; every
 * later one is a switchboard change, applied by the page in order. {@code type} names which, so the page can
 * switch on it.
 */
public sealed interface BoardMessage {

    /** The record's own name, which is the switchboard change's name; the snapshot says "snapshot". */
    @JsonProperty("type")
    default String type() {
        return getClass().getSimpleName();
    }

    /** The whole picture at the moment the socket opened, with the server's clock for ticking wait times. */
    record Snapshot(Instant now, List<BoardCall> calls, List<BoardAgent> agents) implements BoardMessage {
        @Override
        public String type() {
            return "snapshot";
        }
    }

    record CallWaiting(Instant at, BoardCall call) implements BoardMessage {
    }

    record CallAssigned(Instant at, String id, String agent) implements BoardMessage {
    }

    record CallLeftQueue(Instant at, String id, String reason) implements BoardMessage {
    }

    /**
     * The agent's phone did not answer; the call waits again at its old place.
     *
     * @param call the call as it waits now; null if it left again before this was sent (that change follows)
     */
    record CallReturned(Instant at, String id, String agent, BoardCall call) implements BoardMessage {
    }

    record CallEnded(Instant at, String id, String agent) implements BoardMessage {
    }

    record AgentPresenceChanged(Instant at, BoardAgent agent) implements BoardMessage {
    }

    record AgentSignedOut(Instant at, String username) implements BoardMessage {
    }

    /** The page's form of a switchboard change; {@link LiveBoard} fills in a returned call. */
    static BoardMessage of(SwitchboardEvent event) {
        return switch (event) {
            case SwitchboardEvent.CallWaiting e -> new CallWaiting(e.at(), BoardCall.of(e.call()));
            case SwitchboardEvent.CallAssigned e -> new CallAssigned(e.at(), e.id().value(), e.agentUsername());
            case SwitchboardEvent.CallLeftQueue e -> new CallLeftQueue(e.at(), e.id().value(), e.reason().name());
            case SwitchboardEvent.CallReturned e -> new CallReturned(e.at(), e.id().value(), e.agentUsername(), null);
            case SwitchboardEvent.CallEnded e -> new CallEnded(e.at(), e.id().value(), e.agentUsername());
            case SwitchboardEvent.AgentPresenceChanged e -> new AgentPresenceChanged(e.at(), BoardAgent.of(e.agent()));
            case SwitchboardEvent.AgentSignedOut e -> new AgentSignedOut(e.at(), e.username());
        };
    }
}
