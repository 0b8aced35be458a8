package ir.hotline137.console.units;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.console.security.Role;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.UnitDesk;
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

    /**
     * The unit this person works for; empty for everyone who sees every request. A UNIT person without a unit (which
     * the settings and the People screen refuse) works for a unit no request is referred to: they see nothing, never
     * everything.
     */
    public Optional<String> unitOf(Principal principal) {
        Optional<ConsoleUser> person = users.find(principal.getName());
        if (person.isPresent() && person.get().roles().contains(Role.UNIT)) {
            return Optional.of(person.get().unit().map(Referral::unitName).orElse(""));
        }
        return Optional.empty();
    }

    /**
     * The request if this person may see it. For a unit, one referred elsewhere (or no longer referred) is not found,
     * in the same words as a code nobody has: a unit does not learn which codes exist.
     */
    public CitizenRequest visible(Principal principal, CitizenRequest request) {
        Optional<String> unit = unitOf(principal);
        if (unit.isPresent() && !request.referral().map(Referral::unit).filter(unit.get()::equals).isPresent()) {
            throw new ApiProblem.NotFound("code", "no request " + request.code().value());
        }
        return request;
    }

    /** The desk this person acts through: a unit's acts only on what is referred to it, in the same write. */
    public Optional<UnitDesk> unitDesk(Principal principal, RequestDesk desk) {
        return unitOf(principal).map(desk::forUnit);
    }

    /** Whether the citizen's number is kept from this person. */
    public boolean hidesCallers(Principal principal) {
        return unitOf(principal).isPresent() && !settings.showCallerNumber();
    }
}
