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
 */
public record ConsoleUser(String username, String password, Set<Role> roles, Optional<String> dialString) {
    public ConsoleUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(dialString, "dialString");
    }

    /** The person as the switchboard knows them, if they have a phone to take calls on. */
    public Optional<Agent> asAgent() {
        return dialString.map(phone -> new Agent(username, username, phone));
    }
}
