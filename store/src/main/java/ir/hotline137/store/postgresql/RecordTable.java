package ir.hotline137.store.postgresql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.Serializer;

/**
 * A table of records by key ({@code key text PRIMARY KEY, record bytea}), each record in the same versioned codec the
 * embedded store keeps it in: how a feature whose store is a map by key keeps it in PostgreSQL. The table is made by
 * the feature's own migration; every call is a transaction of its own or joins the one under way.
 */
public final class RecordTable<T> {
    private final PostgresDatabase database;
    private final String table;
    private final Serializer<T> codec;

    public RecordTable(PostgresDatabase database, String table, Serializer<T> codec) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a table is lower-case letters and underscores: " + table);
        }
        this.database = database;
        this.table = table;
        this.codec = codec;
    }

    public Optional<T> get(String key) {
        List<T> found = database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT record FROM " + table + " WHERE key = ?")) {
                select.setString(1, key);
                return records(select);
            }
        });
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Keeps the record under its key, replacing what was there. */
    public void put(String key, T value) {
        byte[] record = bytes(codec, value);
        database.transaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + table + " (key, record) VALUES (?, ?) "
                    + "ON CONFLICT (key) DO UPDATE SET record = EXCLUDED.record")) {
                upsert.setString(1, key);
                upsert.setBytes(2, record);
                return upsert.executeUpdate();
            }
        });
    }

    /** @return whether there was one */
    public boolean remove(String key) {
        return database.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE key = ?")) {
                delete.setString(1, key);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** Every record, by key. */
    public List<T> all() {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT record FROM " + table + " ORDER BY key")) {
                return records(select);
            }
        });
    }

    public long size() {
        return database.transaction(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM " + table);
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private List<T> records(PreparedStatement select) throws SQLException {
        List<T> found = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                found.add(read(codec, row.getBytes(1)));
            }
        }
        return found;
    }

    /** A record in its codec's bytes, as the embedded store would keep it. */
    public static <V> byte[] bytes(Serializer<V> codec, V value) {
        DataOutput2 out = new DataOutput2();
        try {
            codec.serialize(out, value);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return out.copyBytes();
    }

    public static <V> V read(Serializer<V> codec, byte[] record) {
        try {
            return codec.deserialize(new DataInput2.ByteArray(record), record.length);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("a stored record cannot be read", unreadable);
        }
    }
}
