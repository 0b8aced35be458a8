package ir.hotline137.mayor.log;

import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.RecordTable;
import ir.hotline137.store.postgresql.SqlWork;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mapdb.serializer.GroupSerializerObjectArray;

/**
 * The mayor's programmes in PostgreSQL, for a cluster of nodes: the same contract as {@link MapDbMayorSessionLog},
 * with the same records (their codecs), every save committed when it returns or with the transaction it joins.
 */
public final class PostgresMayorSessionLog implements MayorSessionLog {
    private static final MayorRecordCodecs.Sessions SESSIONS = new MayorRecordCodecs.Sessions();
    private static final MayorRecordCodecs.Callers CALLERS = new MayorRecordCodecs.Callers();
    private static final MayorRecordCodecs.Directives DIRECTIVES = new MayorRecordCodecs.Directives();

    private final PostgresDatabase database;

    private PostgresMayorSessionLog(PostgresDatabase database) {
        this.database = database;
    }

    /** Opens the log, bringing its tables to this build's. */
    public static PostgresMayorSessionLog open(PostgresDatabase database) {
        database.migrate("mayor");
        return new PostgresMayorSessionLog(database);
    }

    @Override
    public void save(SessionRecord session) {
        write("INSERT INTO mayor_sessions (id, opened_at, record) VALUES (?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET opened_at = EXCLUDED.opened_at, record = EXCLUDED.record",
                session.id(), Timestamp.from(session.openedAt()), bytes(SESSIONS, session));
    }

    @Override
    public void save(SessionCaller caller) {
        write("INSERT INTO mayor_callers (session_id, call_id, joined_at, joined_ns, caller_number, record) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, call_id) DO UPDATE SET "
                + "joined_at = EXCLUDED.joined_at, joined_ns = EXCLUDED.joined_ns, "
                + "caller_number = EXCLUDED.caller_number, record = EXCLUDED.record",
                caller.sessionId(), caller.callId(), Timestamp.from(caller.joinedAt()), caller.joinedAt().getNano(),
                caller.callerNumber().orElse(null), bytes(CALLERS, caller));
    }

    @Override
    public void add(Directive directive) {
        write("INSERT INTO mayor_directives (session_id, record) VALUES (?, ?)", directive.sessionId(),
                bytes(DIRECTIVES, directive));
    }

    @Override
    public void together(Runnable saves) {
        database.transaction(c -> {
            saves.run();
            return null;
        });
    }

    @Override
    public Optional<SessionRecord> session(String id) {
        return one(SESSIONS, "SELECT record FROM mayor_sessions WHERE id = ?", id);
    }

    @Override
    public List<SessionRecord> sessions() {
        return many(SESSIONS, "SELECT record FROM mayor_sessions ORDER BY opened_at DESC");
    }

    @Override
    public List<SessionCaller> callers(String sessionId) {
        return many(CALLERS, "SELECT record FROM mayor_callers WHERE session_id = ? ORDER BY joined_at, joined_ns",
                sessionId);
    }

    @Override
    public Optional<SessionCaller> caller(String sessionId, String callId) {
        return one(CALLERS, "SELECT record FROM mayor_callers WHERE session_id = ? AND call_id = ?", sessionId,
                callId);
    }

    @Override
    public Optional<SessionCaller> caller(String callId) {
        return one(CALLERS, "SELECT record FROM mayor_callers WHERE call_id = ?", callId);
    }

    @Override
    public List<SessionCaller> callsFrom(String callerNumber, int limit) {
        return many(CALLERS, "SELECT record FROM mayor_callers WHERE caller_number = ? "
                + "ORDER BY joined_at DESC, joined_ns DESC LIMIT ?", callerNumber, limit);
    }

    @Override
    public List<Directive> directives(String sessionId) {
        return many(DIRECTIVES, "SELECT record FROM mayor_directives WHERE session_id = ? ORDER BY id", sessionId);
    }

    /** The database is the application's, shared by every feature's store, and closed by whoever opened it. */
    @Override
    public void close() {
    }

    private void write(String sql, Object... values) {
        database.transaction(statement(sql, values, s -> {
            s.executeUpdate();
            return null;
        }));
    }

    private <T> Optional<T> one(GroupSerializerObjectArray<T> codec, String sql, Object... values) {
        List<T> found = many(codec, sql, values);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private <T> List<T> many(GroupSerializerObjectArray<T> codec, String sql, Object... values) {
        return database.transaction(statement(sql, values, s -> {
            List<T> found = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    found.add(read(codec, row.getBytes(1)));
                }
            }
            return found;
        }));
    }

    private interface Run<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    private static <T> SqlWork<T> statement(String sql, Object[] values, Run<T> run) {
        return c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                return run.on(statement);
            }
        };
    }

    private static <T> byte[] bytes(GroupSerializerObjectArray<T> codec, T value) {
        return RecordTable.bytes(codec, value);
    }

    private static <T> T read(GroupSerializerObjectArray<T> codec, byte[] record) {
        return RecordTable.read(codec, record);
    }
}
