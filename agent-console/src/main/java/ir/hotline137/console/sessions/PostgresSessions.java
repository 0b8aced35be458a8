package ir.hotline137.console.sessions;

import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.RecordTable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Logged-in sessions in PostgreSQL, shared by the nodes of a cluster: one logs in on any, and is known on all. */
public final class PostgresSessions implements SessionStore {
    private final RecordTable<StoredSession> sessions;

    private PostgresSessions(PostgresDatabase database) {
        this.sessions = new RecordTable<>(database, "console_sessions", new SessionCodec());
    }

    /** Opens the store, bringing its table to this build's. */
    public static PostgresSessions open(PostgresDatabase database) {
        database.migrate("console-sessions");
        return new PostgresSessions(database);
    }

    @Override
    public Optional<StoredSession> find(String idHash) {
        return sessions.get(idHash);
    }

    @Override
    public void keep(StoredSession session) {
        sessions.put(session.idHash(), session);
    }

    @Override
    public void forget(String idHash) {
        sessions.remove(idHash);
    }

    @Override
    public int forgetExpired(Instant now) {
        List<String> expired = sessions.all().stream().filter(s -> s.isExpired(now)).map(StoredSession::idHash)
                .toList();
        expired.forEach(sessions::remove);
        return expired.size();
    }
}
