package ir.hotline137.console.calls;

import ir.hotline137.console.api.ApiError;
import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.switchboard.AcceptOutcome;
import ir.hotline137.switchboard.Agent;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.Switchboard;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import ir.hotline137.switchboard.WaitingCallView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The live calls: who is waiting for a person, in queue order. */
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
    public List<WaitingCallView> waiting() {
        return switchboard.waitingCalls();
    }

    /** What the agent who took a call is told. */
    public record Taken(WaitingCallView call, String agent, String dialString) {
    }

    /**
     * The logged-in person takes the call: the IVR then rings their phone and bridges the caller. Exactly one of
     * two people who press at once gets it; the other is told who did (409).
     */
    @PostMapping("/{id}/accept")
    public ResponseEntity<?> accept(@PathVariable String id, Principal principal) {
        ConsoleUser person = users.find(principal.getName()).orElseThrow();
        if (person.dialString().isEmpty()) {
            throw new ApiProblem.BadField("dialString", "you have no phone to take calls on: set your "
                    + "hotline.users[…].dial-string");
        }
        CallId call = new CallId(id);
        AcceptOutcome outcome = switchboard.accept(call, person.username());
        if (outcome instanceof AcceptOutcome.UnknownAgent) {
            // Taking a call is how an agent comes on duty from the API; the live board will sign in on opening.
            switchboard.signIn(new Agent(person.username(), person.username(), person.dialString().get()));
            outcome = switchboard.accept(call, person.username());
        }
        return switch (outcome) {
            case AcceptOutcome.Accepted accepted -> ResponseEntity.ok(new Taken(accepted.call(),
                    accepted.agent().username(), accepted.agent().dialString()));
            case AcceptOutcome.TakenByOther other -> conflict("taken by " + other.agentUsername());
            case AcceptOutcome.NoLongerWaiting gone -> conflict("the caller is no longer waiting");
            case AcceptOutcome.AgentNotAvailable busy -> conflict("you are " + busy.presence()
                    + "; set yourself available first");
            case AcceptOutcome.UnknownAgent unknown -> conflict("you are not signed in to the switchboard");
        };
    }

    private static ResponseEntity<ApiError> conflict(String reason) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("id", reason));
    }
}
