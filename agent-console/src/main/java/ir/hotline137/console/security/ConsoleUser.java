package ir.hotline137.console.security;

import ir.hotline137.switchboard.Agent;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One person who may log in to the console.
 *
 * @param username   the login name, also the actor recorded in request histories
 * @param password   a bcrypt hash ({@code $2a$…} or {@code {bcrypt}$2a$…}), or {@code {noop}text} for tests
 * @param roles      what the person may do
 * @param dialString how the IVR reaches the person's phone to bridge a caller, e.g. {@code PJSIP/101}
 * @param unit       for a UNIT person, the unit's name exactly as requests are referred to it
 */
public record ConsoleUser(String username, String password, Set<Role> roles, Optional<String> dialString,
                          Optional<String> unit) {
    /** Longer than any unit's name; what is referred names it, so it is typed and read by people. */
    public static final int MAX_UNIT_LENGTH = 100;

    public ConsoleUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(dialString, "dialString");
        Objects.requireNonNull(unit, "unit");
    }

    /** Someone with no phone and no unit: the roles alone say what they do. */
    public static ConsoleUser of(String username, String password, Set<Role> roles, Optional<String> dialString) {
        return new ConsoleUser(username, password, roles, dialString, Optional.empty());
    }

    /** The unit a UNIT person works for; empty for everyone else, who see every request. */
    public Optional<String> unitScope() {
        return roles.contains(Role.UNIT) ? unit : Optional.empty();
    }

    /** The person as the switchboard knows them, if they have a phone to take calls on. */
    public Optional<Agent> asAgent() {
        return dialString.map(phone -> new Agent(username, username, phone));
    }
}
