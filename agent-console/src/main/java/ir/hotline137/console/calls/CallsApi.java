package ir.hotline137.console.calls;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.console.board.BoardCall;
import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.switchboard.AcceptOutcome;
import ir.hotline137.switchboard.Agent;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.Switchboard;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The live calls: who is waiting for a person, in queue order, and an agent taking one. */
@RestController
@RequestMapping("/api/calls")
public class CallsApi {
    private final Switchboard switchboard;
    private final ConsoleUsers users;

    public CallsApi(Switchboard switchboard, ConsoleUsers users) {
        this.switchboard = switchboard;
        this.users = users;
    }

    /** The switchboard is in memory and answers at once: no need to leave the event loop. */
    @GetMapping("/waiting")
    public List<BoardCall> waiting() {
        return switchboard.waitingCalls().stream().map(BoardCall::of).toList();
    }

    /** A call still on the switchboard, waiting or taken: what a reloaded call card shows. */
    @GetMapping("/{id}")
    public BoardCall call(@PathVariable String id) {
        return switchboard.call(callId(id)).map(BoardCall::of)
                .orElseThrow(() -> new ApiProblem.NotFound("id", "no call " + id + " on the switchboard"));
    }

    /** What the agent who took a call is told. */
    public record Taken(BoardCall call, String agent, String dialString) {
    }

    /**
     * The logged-in person takes the call: the IVR then rings their phone and bridges the caller. Exactly one of
     * two people who press at once gets it; the other is told who did (409). Agents and supervisors only (the
     * security rules).
     */
    @PostMapping("/{id}/accept")
    public Taken accept(@PathVariable String id, Principal principal) {
        ConsoleUser person = users.find(principal.getName()).orElseThrow();
        Optional<Agent> asAgent = person.asAgent();
        if (asAgent.isEmpty()) {
            throw new ApiProblem.BadField("dialString", "you have no phone to take calls on: set your "
                    + "hotline.users[…].dial-string");
        }
        CallId call = callId(id);
        AcceptOutcome outcome = switchboard.accept(call, person.username());
        if (outcome instanceof AcceptOutcome.UnknownAgent) {
            // A script taking calls through the API never opens the board; taking a call brings it on duty.
            switchboard.signIn(asAgent.get());
            outcome = switchboard.accept(call, person.username());
        }
        return switch (outcome) {
            case AcceptOutcome.Accepted accepted -> new Taken(BoardCall.of(accepted.call()),
                    accepted.agent().username(), accepted.agent().dialString());
            case AcceptOutcome.TakenByOther other -> throw new ApiProblem.Conflict("id", "taken",
                    "taken by " + other.agentUsername(), other.agentUsername());
            case AcceptOutcome.NoLongerWaiting gone -> throw new ApiProblem.Conflict("id", "no-longer-waiting",
                    "the caller is no longer waiting");
            case AcceptOutcome.AgentNotAvailable busy -> throw new ApiProblem.Conflict("id", "not-available", "you are " + busy.presence()
                    + "; set yourself available first");
            case AcceptOutcome.UnknownAgent unknown -> throw new ApiProblem.Conflict("id", "not-on-duty",
                    "you are not signed in to the switchboard");
        };
    }

    private static CallId callId(String id) {
        if (id.isBlank()) {
            throw new ApiProblem.BadField("id", "is blank");
        }
        return new CallId(id);
    }
}
