package ir.hotline137.console.board;

import ir.hotline137.switchboard.AgentView;
import ir.hotline137.switchboard.CallId;

/**
 * A signed-in agent as the console's JSON shows them.
 *
 * @param awayReason why an AWAY agent is away (e.g. PRAYER), null otherwise
 */
public record BoardAgent(String username, String displayName, String presence, String currentCall,
                         String awayReason) {

    public static BoardAgent of(AgentView view) {
        return new BoardAgent(view.agent().username(), view.agent().displayName(), view.presence().name(),
                view.currentCall().map(CallId::value).orElse(null), view.awayReason().map(Enum::name).orElse(null));
    }
}
