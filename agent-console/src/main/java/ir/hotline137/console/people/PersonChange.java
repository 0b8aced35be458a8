package ir.hotline137.console.people;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to the people who may log in, as the supervisors' screen lists it.
 *
 * @param by       the supervisor who made it
 * @param username whom it changed
 * @param what     what changed, in Persian; never a password
 */
public record PersonChange(Instant at, String by, String username, String what) {
    public PersonChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(what, "what");
    }
}
