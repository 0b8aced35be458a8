package ir.hotline137.console.units;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Referral;
import java.security.Principal;
import java.util.Optional;

/**
 * What a logged-in person may see of the requests: everything, or, for a UNIT person, only what is referred to
 * their unit now. The routes a unit may call at all are in the security rules; this is what each of them checks of
 * the request it is asked about.
 */
public final class UnitScope {
    private final ConsoleUsers users;
    private final UnitSettings settings;

    public UnitScope(ConsoleUsers users, UnitSettings settings) {
        this.users = users;
        this.settings = settings;
    }

    /** The unit this person works for; empty for everyone who sees every request. */
    public Optional<String> unitOf(Principal principal) {
        return users.find(principal.getName()).flatMap(ConsoleUser::unitScope);
    }

    /**
     * The request if this person may see it. For a unit, one referred elsewhere (or no longer referred) is not found:
     * a unit does not learn which codes exist.
     */
    public CitizenRequest visible(Principal principal, CitizenRequest request) {
        Optional<String> unit = unitOf(principal);
        if (unit.isPresent() && !request.referral().map(Referral::unit).filter(unit.get()::equals).isPresent()) {
            throw new ApiProblem.NotFound("code", "no request " + request.code().value() + " is referred to your unit");
        }
        return request;
    }

    /** Whether the citizen's number is kept from this person. */
    public boolean hidesCallers(Principal principal) {
        return unitOf(principal).isPresent() && !settings.showCallerNumber();
    }
}
