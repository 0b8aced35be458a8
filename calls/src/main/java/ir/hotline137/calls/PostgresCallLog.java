package ir.hotline137.calls;

import ir.hotline137.store.postgresql.PostgresDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The call log in PostgreSQL, for a cluster of nodes: the same contract as {@link MapDbCallLog}, every node's calls
 * in one table, each committed (and so durable) when {@link #record} returns, or with the transaction it joins.
 */
public final class PostgresCallLog implements CallLog {
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final PostgresDatabase database;

    private PostgresCallLog(PostgresDatabase database) {
        this.database = database;
    }

    /** Opens the log, bringing its table to this build's. */
    public static PostgresCallLog open(PostgresDatabase database) {
        database.migrate("calls");
        return new PostgresCallLog(database);
    }

    @Override
    public void record(CallRecord call) {
        database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO calls (started_at, started_ns, record) VALUES (?, ?, ?)")) {
                insert.setTimestamp(1, Timestamp.from(call.startedAt()));
                insert.setInt(2, call.startedAt().getNano());
                insert.setBytes(3, bytes(call));
                insert.executeUpdate();
            }
            return call;
        });
    }

    @Override
    public List<CallRecord> between(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        return database.transaction(c -> {
            // The column keeps microseconds; the records keep the exact instant, which decides at both edges.
            try (PreparedStatement select = c.prepareStatement("SELECT record FROM calls WHERE started_at >= ? "
                    + "AND started_at <= ? ORDER BY started_at, started_ns, id")) {
                select.setTimestamp(1, Timestamp.from(clamped(from).minusNanos(from.getNano() % 1000)));
                select.setTimestamp(2, Timestamp.from(clamped(to).plusNanos(1000)));
                List<CallRecord> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        CallRecord call = call(row.getBytes(1));
                        if (!call.startedAt().isBefore(from) && call.startedAt().isBefore(to)) {
                            found.add(call);
                        }
                    }
                }
                return found;
            }
        });
    }

    @Override
    public long count() {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM calls");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** Within what a timestamptz holds: a question about all of time asks from year 1 to year 9999. */
    private static Instant clamped(Instant at) {
        return at.isBefore(EARLIEST) ? EARLIEST : at.isAfter(LATEST) ? LATEST : at;
    }

    /** The database is the application's, shared by every feature's store, and closed by whoever opened it. */
    @Override
    public void close() {
    }

    private static byte[] bytes(CallRecord call) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try {
            CallRecordCodec.write(new DataOutputStream(bytes), call);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return bytes.toByteArray();
    }

    private static CallRecord call(byte[] record) {
        try {
            return CallRecordCodec.read(new DataInputStream(new ByteArrayInputStream(record)));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("a stored call cannot be read", unreadable);
        }
    }
}
