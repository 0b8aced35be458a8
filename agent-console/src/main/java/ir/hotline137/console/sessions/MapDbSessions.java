package ir.hotline137.console.sessions;

import ir.hotline137.store.DurableMap;
import ir.hotline137.store.MapFile;
import ir.hotline137.store.Storage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mapdb.Serializer;

/** Logged-in sessions in the data folder's journal, keyed by the hash of their id. */
public final class MapDbSessions implements SessionStore {
    private static final int FILE_FORMAT = 1;

    private final Storage storage;
    private final DurableMap<String, StoredSession> sessions;

    private MapDbSessions(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("console-sessions.mapdb", FILE_FORMAT);
        this.sessions = file.hashMap("console-sessions", Serializer.STRING, new SessionCodec());
        storage.attach(file);
    }

    public static MapDbSessions open(Storage storage) {
        return new MapDbSessions(storage);
    }

    @Override
    public Optional<StoredSession> find(String idHash) {
        return Optional.ofNullable(sessions.get(idHash));
    }

    @Override
    public void keep(StoredSession session) {
        storage.write(tx -> {
            tx.put(sessions, session.idHash(), session);
            return session;
        });
    }

    @Override
    public void forget(String idHash) {
        if (sessions.containsKey(idHash)) {
            storage.write(tx -> {
                tx.remove(sessions, idHash);
                return idHash;
            });
        }
    }

    @Override
    public int forgetExpired(Instant now) {
        List<String> expired = sessions.view().values().stream().filter(s -> s.isExpired(now))
                .map(StoredSession::idHash).toList();
        if (!expired.isEmpty()) {
            storage.write(tx -> {
                expired.forEach(id -> tx.remove(sessions, id));
                return expired.size();
            });
        }
        return expired.size();
    }
}
