package ir.hotline137.mayor.log;

import ir.hotline137.store.DurableMap;
import ir.hotline137.store.Format1;
import ir.hotline137.store.Format1Upgrade;
import ir.hotline137.store.MapFile;
import ir.hotline137.store.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mapdb.DB;
import org.mapdb.Serializer;
import org.mapdb.serializer.SerializerArrayTuple;

/**
 * The embedded session log: maps in {@code mayor-sessions.mapdb}, every save journalled by the
 * {@link Storage} first, so it is durable when it returns.
 *
 * <p>Callers and directives sit in ordered maps keyed by session first, so a session's report is one range
 * scan. A programme has a few hundred callers at most, so ordering them by joining time happens on reading.
 * Readers never wait.
 */
public final class MapDbMayorSessionLog implements MayorSessionLog {
    /** How {@code upgrade-data} copies this log's format-1 file into the journal. */
    public static final Format1Upgrade.OldFile FORMAT1 = new Format1Upgrade.OldFile("mayor-sessions.mapdb",
            (storage, file) -> open(storage).importFormat1(file));

    /** The maps of mayor-sessions.mapdb; a file of another format is rebuilt from the journal. */
    private static final int FILE_FORMAT = 2;

    private final Storage storage;
    private final DurableMap<String, SessionRecord> sessions;
    private final DurableMap<Object[], SessionCaller> callers;
    private final DurableMap<Object[], Directive> directives;
    private final DurableMap<String, Long> counters;
    /** Which session each call joined; rebuilt from the callers at open, a few thousand a year. */
    private final Map<String, String> sessionOfCall = new ConcurrentHashMap<>();

    private MapDbMayorSessionLog(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("mayor-sessions.mapdb", FILE_FORMAT);
        this.sessions = file.hashMap("sessions", Serializer.STRING, new MayorRecordCodecs.Sessions());
        this.callers = file.treeMap("callers", new SerializerArrayTuple(Serializer.STRING, Serializer.STRING),
                new MayorRecordCodecs.Callers());
        this.directives = file.treeMap("directives", new SerializerArrayTuple(Serializer.STRING, Serializer.LONG),
                new MayorRecordCodecs.Directives());
        this.counters = file.hashMap("mayor-counters", Serializer.STRING, Serializer.LONG);
        storage.attach(file);
        // From the keys alone ({session, call}): nothing stored is decoded to start.
        callers.view().keySet().forEach(key -> sessionOfCall.put((String) key[1], (String) key[0]));
    }

    /** Opens the log on the data folder's storage. */
    public static MapDbMayorSessionLog open(Storage storage) {
        return new MapDbMayorSessionLog(storage);
    }

    @Override
    public void save(SessionRecord session) {
        storage.write(tx -> {
            tx.put(sessions, session.id(), session);
            return session;
        });
    }

    @Override
    public void save(SessionCaller caller) {
        storage.write(tx -> {
            tx.put(callers, new Object[] {caller.sessionId(), caller.callId()}, caller);
            return caller;
        });
        sessionOfCall.put(caller.callId(), caller.sessionId());
    }

    @Override
    public void add(Directive directive) {
        storage.write(tx -> {
            tx.put(directives, new Object[] {directive.sessionId(), tx.increment(counters, "directive")}, directive);
            return directive;
        });
    }

    @Override
    public void together(Runnable saves) {
        // A write inside a write joins it: the saves below are one journal record.
        storage.write(tx -> {
            saves.run();
            return null;
        });
    }

    @Override
    public Optional<SessionRecord> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public List<SessionRecord> sessions() {
        List<SessionRecord> all = new ArrayList<>(sessions.view().values());
        all.sort(Comparator.comparing(SessionRecord::openedAt).reversed());
        return all;
    }

    @Override
    public List<SessionCaller> callers(String sessionId) {
        List<SessionCaller> found = new ArrayList<>(callers.prefix(new Object[] {sessionId}).values());
        found.sort(Comparator.comparing(SessionCaller::joinedAt));
        return found;
    }

    @Override
    public Optional<SessionCaller> caller(String sessionId, String callId) {
        return Optional.ofNullable(callers.get(new Object[] {sessionId, callId}));
    }

    @Override
    public Optional<SessionCaller> caller(String callId) {
        return Optional.ofNullable(sessionOfCall.get(callId)).flatMap(session -> caller(session, callId));
    }

    /** Reads every caller kept: programmes have a few thousand callers a year, and a caller file is asked once. */
    @Override
    public List<SessionCaller> callsFrom(String callerNumber, int limit) {
        return callers.view().values().stream()
                .filter(c -> c.callerNumber().filter(callerNumber::equals).isPresent())
                .sorted(Comparator.comparing(SessionCaller::joinedAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public List<Directive> directives(String sessionId) {
        return new ArrayList<>(directives.prefix(new Object[] {sessionId}).values());
    }

    /** Copies every session, caller and directive of a format-1 file (before the journal); returns how many. */
    public long importFormat1(Path oldFile) {
        DB old = Format1.open(oldFile, "mayor session log");
        try {
            var oldSessions = old.hashMap("sessions", Serializer.STRING, new MayorRecordCodecs.Sessions()).open();
            var oldCallers = old.treeMap("callers", new SerializerArrayTuple(Serializer.STRING, Serializer.STRING),
                    new MayorRecordCodecs.Callers()).open();
            var oldDirectives = old.treeMap("directives", new SerializerArrayTuple(Serializer.STRING, Serializer.LONG),
                    new MayorRecordCodecs.Directives()).open();
            return storage.write(tx -> {
                oldSessions.values().forEach(this::save);
                oldCallers.values().forEach(this::save);
                oldDirectives.values().forEach(this::add);
                return (long) oldSessions.size() + oldCallers.size() + oldDirectives.size();
            });
        } finally {
            old.close();
        }
    }

    /** The storage is shared with the other logs of the data folder and closed by whoever opened it. */
    @Override
    public void close() {
    }

}
