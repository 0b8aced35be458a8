package ir.hotline137.console.open311;

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
import java.util.function.UnaryOperator;

/** The Open311 clients in PostgreSQL, shared by the nodes of a cluster, in the codec the embedded store uses. */
public final class PostgresApiClients implements ApiClients {
    private static final MapDbApiClients.ClientCodec CODEC = new MapDbApiClients.ClientCodec();

    private final PostgresDatabase database;

    private PostgresApiClients(PostgresDatabase database) {
        this.database = database;
    }

    /** Opens the store, bringing its table to this build's. */
    public static PostgresApiClients open(PostgresDatabase database) {
        database.migrate("open311-clients");
        return new PostgresApiClients(database);
    }

    @Override
    public ApiClient add(ApiClient client) {
        return database.transaction(c -> {
            long id;
            try (PreparedStatement next = c.prepareStatement("SELECT nextval('open311_client_ids')");
                 ResultSet row = next.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
            return insert(c, client.numbered(id));
        });
    }

    /** A client moved from the data folder, with its own number ({@link ApiClientsMigration}). */
    void adopt(ApiClient client) {
        database.transaction(c -> insert(c, client));
    }

    /** The ids given next follow those moved in. */
    void idsFollow() {
        database.transaction(c -> {
            MigrateStore.idsFollow(c, "open311_client_ids", "open311_clients");
            return null;
        });
    }

    private static ApiClient insert(Connection c, ApiClient numbered) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO open311_clients (id, key_hash, record) VALUES (?, ?, ?)")) {
            insert.setLong(1, numbered.id());
            insert.setString(2, numbered.keyHash());
            insert.setBytes(3, RecordTable.bytes(CODEC, numbered));
            insert.executeUpdate();
        }
        return numbered;
    }

    @Override
    public Optional<ApiClient> byKeyHash(String hash) {
        return one("SELECT record FROM open311_clients WHERE key_hash = ?", hash);
    }

    @Override
    public Optional<ApiClient> client(long id) {
        return one("SELECT record FROM open311_clients WHERE id = ?", id);
    }

    @Override
    public List<ApiClient> all() {
        return many("SELECT record FROM open311_clients ORDER BY id");
    }

    @Override
    public ApiClient update(long id, UnaryOperator<ApiClient> change) {
        return database.transaction(c -> {
            ApiClient current = one("SELECT record FROM open311_clients WHERE id = ? FOR UPDATE", id)
                    .orElseThrow(() -> new IllegalArgumentException("no client " + id));
            ApiClient changed = change.apply(current);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE open311_clients SET key_hash = ?, record = ? WHERE id = ?")) {
                update.setString(1, changed.keyHash());
                update.setBytes(2, RecordTable.bytes(CODEC, changed));
                update.setLong(3, id);
                update.executeUpdate();
            }
            return changed;
        });
    }

    private Optional<ApiClient> one(String sql, Object value) {
        List<ApiClient> found = many(sql, value);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private List<ApiClient> many(String sql, Object... values) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    select.setObject(i + 1, values[i]);
                }
                List<ApiClient> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(RecordTable.read(CODEC, row.getBytes(1)));
                    }
                }
                return found;
            }
        });
    }
}
