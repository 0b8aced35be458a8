package ir.hotline137.console.calls;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.console.board.BoardAgent;
import ir.hotline137.switchboard.AwayReason;
import ir.hotline137.switchboard.Presence;
import ir.hotline137.switchboard.Switchboard;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is on duty, and an agent stepping away from the queue and back. */
@RestController
@RequestMapping("/api/agents")
public class AgentsApi {
    private final Switchboard switchboard;

    public AgentsApi(Switchboard switchboard) {
        this.switchboard = switchboard;
    }

    @GetMapping
    public List<BoardAgent> onDuty() {
        return switchboard.agents().stream().map(BoardAgent::of).toList();
    }

    /**
     * A presence the person chooses; BUSY comes only from taking a call.
     *
     * @param reason for AWAY, why (BREAK, PRAYER, MEAL, TRAINING, PAPERWORK, OTHER); OTHER when not given
     */
    public record PresenceChange(String presence, String reason) {
    }

    @PostMapping("/me/presence")
    public BoardAgent setPresence(@RequestBody PresenceChange body, Principal principal) {
        Presence presence = chosen(body.presence());
        Optional<AwayReason> reason = presence == Presence.AWAY ? Optional.of(reason(body.reason())) : Optional.empty();
        String me = principal.getName();
        if (switchboard.agent(me).isEmpty()) {
            throw new ApiProblem.Conflict("presence", "not-on-duty", "you are not on duty: open the live board first");
        }
        try {
            reason.ifPresentOrElse(why -> switchboard.goAway(me, why), () -> switchboard.setAvailable(me));
        } catch (IllegalStateException onACall) {
            throw new ApiProblem.Conflict("presence", "on-a-call",
                    "you are on a call; your presence changes when it ends");
        } catch (IllegalArgumentException signedOutMeanwhile) {
            throw new ApiProblem.Conflict("presence", "not-on-duty",
                    "you went off duty meanwhile: open the live board again");
        }
        return switchboard.agent(me).map(BoardAgent::of)
                .orElseThrow(() -> new ApiProblem.Conflict("presence", "not-on-duty", "you went off duty meanwhile"));
    }

    private static AwayReason reason(String name) {
        if (name == null || name.isBlank()) {
            return AwayReason.OTHER;
        }
        try {
            AwayReason reason = AwayReason.valueOf(name.strip().toUpperCase(Locale.ROOT));
            if (reason != AwayReason.NO_ANSWER) {
                return reason;
            }
        } catch (IllegalArgumentException notOne) {
            // named below
        }
        throw new ApiProblem.BadField("reason", "'" + name + "' is not BREAK, PRAYER, MEAL, TRAINING, PAPERWORK or OTHER");
    }

    private static Presence chosen(String name) {
        if (name == null || name.isBlank()) {
            throw new ApiProblem.BadField("presence", "is required: AVAILABLE or AWAY");
        }
        try {
            Presence presence = Presence.valueOf(name.strip().toUpperCase(Locale.ROOT));
            if (presence != Presence.BUSY) {
                return presence;
            }
        } catch (IllegalArgumentException notOne) {
            // named below
        }
        throw new ApiProblem.BadField("presence", "'" + name + "' is not AVAILABLE or AWAY");
    }
}
