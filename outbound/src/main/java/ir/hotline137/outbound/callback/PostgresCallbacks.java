package ir.hotline137.outbound.callback;

import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.MigrateStore;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.RecordTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The callbacks in PostgreSQL, shared by the nodes of a cluster, decided by the same {@link CallbackRules} as the
 * embedded store: each change under the callback's row lock, so two agents at two nodes claim it in turn; a number's
 * callbacks are added one at a time under a lock on the number, so it never waits for two. A callback being called
 * keeps the node whose exchange places the call, so a node starting takes up only its own calls cut short, and those of
 * nodes taken for dead.
 */
public final class PostgresCallbacks implements CallbackStore {
    private static final MapDbCallbacks.Codec CODEC = new MapDbCallbacks.Codec();

    private final PostgresDatabase database;
    private final ClusterNode node;

    private PostgresCallbacks(PostgresDatabase database, ClusterNode node) {
        this.database = database;
        this.node = node;
    }

    /** Opens the store as this node's, bringing its table to this build's. */
    public static PostgresCallbacks open(PostgresDatabase database, ClusterNode node) {
        database.migrate("callbacks");
        return new PostgresCallbacks(database, node);
    }

    @Override
    public Callback add(Callback asked) {
        return database.transaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "callback:" + asked.number());
                lock.execute();
            }
            List<Callback> open = read(c, "SELECT record FROM callbacks WHERE number = ? "
                    + "AND status IN ('WAITING', 'CALLING') FOR UPDATE", asked.number());
            if (!open.isEmpty()) {
                Callback current = open.getFirst();
                Callback joined = CallbackRules.joined(current, asked);
                if (joined != current) {
                    write(c, joined);
                }
                return joined;
            }
            long id;
            try (PreparedStatement next = c.prepareStatement("SELECT nextval('callback_ids')");
                 ResultSet row = next.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
            return insert(c, asked.numbered(id));
        });
    }

    /** A callback moved from the data folder, with its own number ({@link CallbacksMigration}). */
    void adopt(Callback callback) {
        database.transaction(c -> insert(c, callback));
    }

    /** The ids given next follow those moved in. */
    void idsFollow() {
        database.transaction(c -> {
            MigrateStore.idsFollow(c, "callback_ids", "callbacks");
            return null;
        });
    }

    /** How many callbacks there are, open or ended: for {@link CallbacksMigration}. */
    long count() {
        return database.transaction(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM callbacks");
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private static Callback insert(Connection c, Callback numbered) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO callbacks (id, number, status, "
                + "last_try_at, record) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, numbered.id());
            insert.setString(2, numbered.number());
            insert.setString(3, numbered.status().name());
            insert.setTimestamp(4, lastTry(numbered));
            insert.setBytes(5, RecordTable.bytes(CODEC, numbered));
            insert.executeUpdate();
        }
        return numbered;
    }

    @Override
    public List<Callback> open() {
        List<Callback> open = new ArrayList<>(database.transaction(c -> read(c,
                "SELECT record FROM callbacks WHERE status IN ('WAITING', 'CALLING')")));
        open.sort(CallbackRules.IN_PLACE);
        return open;
    }

    @Override
    public List<Callback> endedSince(Instant since) {
        return CallbackRules.endedSince(database.transaction(c -> read(c, "SELECT record FROM callbacks "
                + "WHERE status IN ('DONE', 'CLOSED') AND last_try_at >= ?",
                Timestamp.from(since.minusNanos(since.getNano() % 1000)))), since);
    }

    @Override
    public Optional<Callback> find(long id) {
        List<Callback> found = database.transaction(c -> read(c, "SELECT record FROM callbacks WHERE id = ?", id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** The calls this node was placing when it stopped, and those of nodes taken for dead. */
    @Override
    public int markInterrupted(Instant now) {
        Set<String> nodes = node.selfAndDead();
        List<Callback> calling = database.transaction(c -> read(c, "SELECT record FROM callbacks "
                + "WHERE status = 'CALLING' AND (calling_on IS NULL OR calling_on = ANY (?))",
                c.createArrayOf("text", nodes.toArray())));
        int ended = 0;
        for (Callback callback : calling) {
            if (change(callback.id(), current -> CallbackRules.interrupted(current, now)).isPresent()) {
                ended++;
            }
        }
        return ended;
    }

    @Override
    public Optional<Callback> change(long id, Function<Callback, Optional<Callback>> rule) {
        return database.transaction(c -> {
            List<Callback> found = read(c, "SELECT record FROM callbacks WHERE id = ? FOR UPDATE", id);
            Optional<Callback> changed = rule.apply(found.isEmpty() ? null : found.getFirst());
            if (changed.isPresent()) {
                write(c, changed.get());
            }
            return changed;
        });
    }

    private void write(Connection c, Callback callback) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE callbacks SET status = ?, last_try_at = ?, "
                + "calling_on = ?, record = ? WHERE id = ?")) {
            update.setString(1, callback.status().name());
            update.setTimestamp(2, lastTry(callback));
            update.setString(3, callback.status() == CallbackStatus.CALLING ? node.name() : null);
            update.setBytes(4, RecordTable.bytes(CODEC, callback));
            update.setLong(5, callback.id());
            update.executeUpdate();
        }
    }

    private static Timestamp lastTry(Callback callback) {
        return callback.tries().isEmpty() ? null : Timestamp.from(callback.tries().getLast().at());
    }

    private static List<Callback> read(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            List<Callback> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(RecordTable.read(CODEC, row.getBytes(1)));
                }
            }
            return found;
        }
    }
}
