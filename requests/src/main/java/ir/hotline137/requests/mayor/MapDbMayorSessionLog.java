package ir.hotline137.requests.mayor;

import ir.hotline137.requests.store.DataFolder;
import ir.hotline137.requests.store.MapDbFiles;
import ir.hotline137.requests.store.SingleWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.mapdb.serializer.SerializerArrayTuple;

/**
 * The embedded session log: its own MapDB file, transactions on, so the live line's frequent small writes
 * never share a commit with the request store.
 *
 * <p>Callers and directives sit in ordered maps keyed by session first, so a session's report is one range
 * scan. A programme has a few hundred callers at most, so ordering them by joining time happens on reading.
 * Writers take turns ({@link SingleWriter}); readers never wait.
 */
public final class MapDbMayorSessionLog implements MayorSessionLog {
    private static final int STORE_FORMAT = 1;

    private final HTreeMap<String, SessionRecord> sessions;
    private final BTreeMap<Object[], SessionCaller> callers;
    private final BTreeMap<Object[], Directive> directives;
    private final Atomic.Long sequence;
    private final SingleWriter writer;

    private MapDbMayorSessionLog(DB db) {
        this.writer = new SingleWriter(db);
        this.sessions = db.hashMap("sessions", Serializer.STRING, new MayorRecordCodecs.Sessions()).createOrOpen();
        this.callers = db.treeMap("callers", new SerializerArrayTuple(Serializer.STRING, Serializer.STRING),
                new MayorRecordCodecs.Callers()).createOrOpen();
        this.directives = db.treeMap("directives", new SerializerArrayTuple(Serializer.STRING, Serializer.LONG),
                new MayorRecordCodecs.Directives()).createOrOpen();
        this.sequence = db.atomicLong("sequence").createOrOpen();
        MapDbFiles.checkFormat(db, STORE_FORMAT, "mayor session log");
    }

    /** Opens the log in a data folder; a damaged file is reported, never repaired or replaced. */
    public static MapDbMayorSessionLog open(DataFolder folder) {
        return open(folder.mayorSessionsFile());
    }

    public static MapDbMayorSessionLog open(Path file) {
        return MapDbFiles.open(file, "mayor session log", MapDbMayorSessionLog::new);
    }

    /** A log that lives and dies with the process, for tests. */
    public static MapDbMayorSessionLog inMemory() {
        return MapDbFiles.read(DBMaker.memoryDB().transactionEnable().make(), "mayor session log in memory",
                MapDbMayorSessionLog::new);
    }

    @Override
    public void save(SessionRecord session) {
        writer.write(() -> sessions.put(session.id(), session));
    }

    @Override
    public void save(SessionCaller caller) {
        writer.write(() -> callers.put(new Object[] {caller.sessionId(), caller.callId()}, caller));
    }

    @Override
    public void add(Directive directive) {
        writer.write(() -> directives.put(new Object[] {directive.sessionId(), sequence.incrementAndGet()}, directive));
    }

    @Override
    public Optional<SessionRecord> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public List<SessionRecord> sessions() {
        List<SessionRecord> all = new ArrayList<>(sessions.values());
        all.sort(Comparator.comparing(SessionRecord::openedAt).reversed());
        return all;
    }

    @Override
    public List<SessionCaller> callers(String sessionId) {
        List<SessionCaller> found = new ArrayList<>(callers.prefixSubMap(new Object[] {sessionId}).values());
        found.sort(Comparator.comparing(SessionCaller::joinedAt));
        return found;
    }

    @Override
    public Optional<SessionCaller> caller(String sessionId, String callId) {
        return Optional.ofNullable(callers.get(new Object[] {sessionId, callId}));
    }

    @Override
    public List<Directive> directives(String sessionId) {
        return new ArrayList<>(directives.prefixSubMap(new Object[] {sessionId}).values());
    }

    @Override
    public void close() {
        writer.close();
    }

}
