package ir.hotline137.console.shift;

import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.RecordTable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Agents' presence marks and wrap-ups in PostgreSQL, shared by the nodes of a cluster, in the codecs the embedded
 * store uses: a mark and the agent's latest are one transaction.
 */
public final class PostgresShifts implements Shifts {
    private static final ShiftCodecs.MarkCodec MARKS = new ShiftCodecs.MarkCodec();
    private static final ShiftCodecs.WrapUpCodec WRAP_UPS = new ShiftCodecs.WrapUpCodec();

    private final PostgresDatabase database;
    private final RecordTable<PresenceMark> latest;

    private PostgresShifts(PostgresDatabase database) {
        this.database = database;
        this.latest = new RecordTable<>(database, "presence_latest", MARKS);
    }

    /** Opens the store, bringing its tables to this build's. */
    public static PostgresShifts open(PostgresDatabase database) {
        database.migrate("shifts");
        return new PostgresShifts(database);
    }

    @Override
    public void mark(PresenceMark mark) {
        byte[] record = RecordTable.bytes(MARKS, mark);
        database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO presence_marks (username, at, record) VALUES (?, ?, ?)")) {
                insert.setString(1, mark.username());
                insert.setTimestamp(2, Timestamp.from(mark.at()));
                insert.setBytes(3, record);
                insert.executeUpdate();
            }
            latest.put(mark.username(), mark);
            return mark;
        });
    }

    @Override
    public List<PresenceMark> marks(String username, Instant from) {
        return database.transaction(c -> {
            List<PresenceMark> found = new ArrayList<>();
            try (PreparedStatement before = c.prepareStatement("SELECT record FROM presence_marks "
                    + "WHERE username = ? AND at < ? ORDER BY at DESC, id DESC LIMIT 1");
                 PreparedStatement after = c.prepareStatement("SELECT record FROM presence_marks "
                         + "WHERE username = ? AND at >= ? ORDER BY at, id")) {
                for (PreparedStatement select : List.of(before, after)) {
                    select.setString(1, username);
                    select.setTimestamp(2, Timestamp.from(from.truncatedTo(ChronoUnit.MILLIS)));
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            found.add(RecordTable.read(MARKS, row.getBytes(1)));
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public List<PresenceMark> stillOnDuty() {
        return latest.all().stream().filter(mark -> mark.presence().isPresent()).toList();
    }

    /** How many marks and wrap-ups there are: for {@link ShiftsMigration}. */
    long count() {
        return database.transaction(c -> {
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT (SELECT count(*) FROM presence_marks) + (SELECT count(*) FROM agent_wrap_ups)");
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public void wrapUp(WrapUp wrapUp) {
        byte[] record = RecordTable.bytes(WRAP_UPS, wrapUp);
        database.transaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO agent_wrap_ups (agent, call_id, record) "
                    + "VALUES (?, ?, ?) ON CONFLICT (agent, call_id) DO UPDATE SET record = EXCLUDED.record")) {
                upsert.setString(1, wrapUp.agent());
                upsert.setString(2, wrapUp.callId());
                upsert.setBytes(3, record);
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<WrapUp> wrapUpOf(String agent, String callId) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT record FROM agent_wrap_ups WHERE agent = ? AND call_id = ?")) {
                select.setString(1, agent);
                select.setString(2, callId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(RecordTable.read(WRAP_UPS, row.getBytes(1))) : Optional.empty();
                }
            }
        });
    }
}
