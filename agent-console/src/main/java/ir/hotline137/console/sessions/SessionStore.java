package ir.hotline137.console.sessions;

import java.time.Instant;
import java.util.Optional;

/**
 * Where logged-in sessions are kept, so a restart (or another node of a cluster) does not log anyone out: the
 * embedded {@link MapDbSessions}, or {@link PostgresSessions} for a cluster. Keyed by the hash of the session id.
 */
public interface SessionStore {
    Optional<StoredSession> find(String idHash);

    void keep(StoredSession session);

    void forget(String idHash);

    /** Forgets the sessions that expired; returns how many. */
    int forgetExpired(Instant now);
}
