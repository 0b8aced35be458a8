package ir.hotline137.console.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What of a logged-in session outlives a restart: who, since when, the CSRF token their page holds, and enough
 * of their password (a fingerprint of its hash, never the hash) to tell whether it changed meanwhile.
 *
 * @param idHash             SHA-256 of the session id: the id itself is a key to the account and is never kept
 * @param savedAt            when it was last kept; with {@code maxIdle}, when it expires if not used again
 * @param passwordFingerprint SHA-256 of the person's password hash when they logged in
 */
public record StoredSession(String idHash, Instant createdAt, Instant savedAt, Duration maxIdle, Optional<String> username,
                     Optional<String> passwordFingerprint, Optional<Csrf> csrf, Optional<String> lastUsername) {

    /** The session's CSRF token as Spring Security keeps it. */
    public record Csrf(String headerName, String parameterName, String token) {
    }

    boolean isExpired(Instant now) {
        return savedAt.plus(maxIdle).isBefore(now);
    }
}
