package ir.hotline137.mayor.meeting;

import ir.hotline137.store.postgresql.MigrateStore;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.RecordTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.mapdb.serializer.GroupSerializerObjectArray;

/**
 * The meetings and their registrations in PostgreSQL, shared by the nodes of a cluster, in the codecs the embedded
 * store uses; a registration is changed under its row's lock, and turns are given under the meeting's, so two
 * committee members at two nodes decide in turn.
 */
public final class PostgresMeetings implements Meetings {
    private static final MapDbMeetings.MeetingCodec MEETINGS = new MapDbMeetings.MeetingCodec();
    private static final MapDbMeetings.RegistrationCodec REGISTRATIONS = new MapDbMeetings.RegistrationCodec();

    private final PostgresDatabase database;

    private PostgresMeetings(PostgresDatabase database) {
        this.database = database;
    }

    /** Opens the store, bringing its tables to this build's. */
    public static PostgresMeetings open(PostgresDatabase database) {
        database.migrate("meetings");
        return new PostgresMeetings(database);
    }

    @Override
    public Meeting add(Meeting meeting) {
        return database.transaction(c -> insert(c, meeting.numbered(next(c, "meeting_ids"))));
    }

    /** A meeting moved from the data folder, with its own number ({@link MeetingsMigration}). */
    void adopt(Meeting meeting) {
        database.transaction(c -> insert(c, meeting));
    }

    /** The ids given next follow those moved in. */
    void idsFollow() {
        database.transaction(c -> {
            MigrateStore.idsFollow(c, "meeting_ids", "meetings");
            MigrateStore.idsFollow(c, "registration_ids", "meeting_registrations");
            return null;
        });
    }

    private static Meeting insert(Connection c, Meeting numbered) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO meetings (id, at, record) VALUES (?, ?, ?)")) {
            insert.setLong(1, numbered.id());
            // The meeting's local time, as the city reads it: it orders meetings, nothing else.
            insert.setObject(2, numbered.at());
            insert.setBytes(3, RecordTable.bytes(MEETINGS, numbered));
            insert.executeUpdate();
        }
        return numbered;
    }

    @Override
    public Optional<Meeting> meeting(long id) {
        return one(MEETINGS, "SELECT record FROM meetings WHERE id = ?", id);
    }

    @Override
    public List<Meeting> meetings() {
        return many(MEETINGS, "SELECT record FROM meetings ORDER BY at, id");
    }

    @Override
    public Registration register(Registration registration) {
        return database.transaction(c -> insert(c, registration.numbered(next(c, "registration_ids"))));
    }

    /** A registration moved from the data folder, with its own number. */
    void adopt(Registration registration) {
        database.transaction(c -> insert(c, registration));
    }

    private static Registration insert(Connection c, Registration numbered) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO meeting_registrations (id, meeting_id, record) VALUES (?, ?, ?)")) {
            insert.setLong(1, numbered.id());
            insert.setLong(2, numbered.meetingId());
            insert.setBytes(3, RecordTable.bytes(REGISTRATIONS, numbered));
            insert.executeUpdate();
        }
        return numbered;
    }

    @Override
    public Optional<Registration> registration(long id) {
        return one(REGISTRATIONS, "SELECT record FROM meeting_registrations WHERE id = ?", id);
    }

    @Override
    public List<Registration> registrations(long meetingId) {
        return many(REGISTRATIONS, "SELECT record FROM meeting_registrations WHERE meeting_id = ? ORDER BY id",
                meetingId);
    }

    @Override
    public Registration update(long id, UnaryOperator<Registration> change) {
        return database.transaction(c -> {
            Registration current = one(REGISTRATIONS,
                    "SELECT record FROM meeting_registrations WHERE id = ? FOR UPDATE", id)
                    .orElseThrow(() -> new IllegalArgumentException("no registration " + id));
            Registration changed = change.apply(current);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE meeting_registrations SET record = ? WHERE id = ?")) {
                update.setBytes(1, RecordTable.bytes(REGISTRATIONS, changed));
                update.setLong(2, id);
                update.executeUpdate();
            }
            return changed;
        });
    }

    /** Under the meeting's row lock, in one transaction with whatever the work writes. */
    @Override
    public <T> T exclusively(long meetingId, Supplier<T> work) {
        return database.transaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT 1 FROM meetings WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, meetingId);
                lock.executeQuery().close();
            }
            return work.get();
        });
    }

    private static long next(Connection c, String sequence) throws SQLException {
        try (PreparedStatement next = c.prepareStatement("SELECT nextval('" + sequence + "')");
             ResultSet row = next.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private <T> Optional<T> one(GroupSerializerObjectArray<T> codec, String sql, Object... values) {
        List<T> found = many(codec, sql, values);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private <T> List<T> many(GroupSerializerObjectArray<T> codec, String sql, Object... values) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    select.setObject(i + 1, values[i]);
                }
                List<T> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(RecordTable.read(codec, row.getBytes(1)));
                    }
                }
                return found;
            }
        });
    }
}
