package ir.hotline137.outbound.outbox;

import ir.hotline137.requests.TrackingCode;
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
import java.util.function.Predicate;

/**
 * The outbox in PostgreSQL, shared by the nodes of a cluster: the same contract as {@link MapDbOutbox}. Each change
 * to a notification is made under its row's lock, so of two nodes' workers beginning the same attempt one begins it
 * and the other is told it is no longer pending: nothing is sent twice. An attempt keeps the node that began it, so
 * a node starting takes up only its own attempts cut short, and those of nodes taken for dead.
 */
public final class PostgresOutbox implements Outbox {
    private static final OutboxCodecs.NotificationCodec CODEC = new OutboxCodecs.NotificationCodec();
    private static final String SEEN_REVISION = "seen-revision";
    private static final String STARTED_AT = "started-at";
    private static final String STARTED_AFTER_SEQUENCE = "started-after-sequence";
    /** Due rows read at a time while looking for the wanted ones. */
    private static final int BATCH = 200;

    private final PostgresDatabase database;
    private final ClusterNode node;

    private PostgresOutbox(PostgresDatabase database, ClusterNode node) {
        this.database = database;
        this.node = node;
    }

    /** Opens the outbox as this node's, bringing its tables to this build's. */
    public static PostgresOutbox open(PostgresDatabase database, ClusterNode node) {
        database.migrate("outbox");
        return new PostgresOutbox(database, node);
    }

    @Override
    public Optional<Long> seenRevision() {
        return mark(SEEN_REVISION);
    }

    @Override
    public Optional<Instant> startedAt() {
        return mark(STARTED_AT).map(Instant::ofEpochMilli);
    }

    @Override
    public Optional<Long> startedAfterSequence() {
        return mark(STARTED_AFTER_SEQUENCE);
    }

    @Override
    public void startFrom(long revision, long sequence, Instant at) {
        database.transaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("LOCK TABLE outbox_marks IN EXCLUSIVE MODE")) {
                lock.execute();
            }
            if (mark(c, SEEN_REVISION).isEmpty()) {
                setMark(c, SEEN_REVISION, revision);
                setMark(c, STARTED_AT, at.toEpochMilli());
                setMark(c, STARTED_AFTER_SEQUENCE, sequence);
            }
            return null;
        });
    }

    @Override
    public List<Notification> add(List<Notification> made, long seenUpTo) {
        return database.transaction(c -> {
            List<Notification> kept = new ArrayList<>();
            for (Notification notification : made) {
                insert(c, notification).ifPresent(kept::add);
            }
            try (PreparedStatement advance = c.prepareStatement("INSERT INTO outbox_marks (name, value) VALUES (?, ?) "
                    + "ON CONFLICT (name) DO UPDATE SET value = greatest(outbox_marks.value, EXCLUDED.value)")) {
                advance.setString(1, SEEN_REVISION);
                advance.setLong(2, seenUpTo);
                advance.executeUpdate();
            }
            return kept;
        });
    }

    // What migrate-store moves in from a data folder (OutboxMigration), as it was there.

    /** A notification with its own number. */
    void adopt(Notification notification) {
        database.transaction(c -> insertNumbered(c, notification));
    }

    /** The SMS centre's id of a part sent, for its receipt to find its notification. */
    void adoptMessageId(String messageId, long notification) {
        database.transaction(c -> {
            try (PreparedStatement known = c.prepareStatement(
                    "INSERT INTO outbox_message_ids (message_id, notification) VALUES (?, ?)")) {
                known.setString(1, messageId);
                known.setLong(2, notification);
                return known.executeUpdate();
            }
        });
    }

    /** A receipt that came before its attempt was recorded. */
    void adoptEarlyReceipt(String messageId, String state) {
        database.transaction(c -> {
            try (PreparedStatement early = c.prepareStatement(
                    "INSERT INTO outbox_early_receipts (message_id, state) VALUES (?, ?)")) {
                early.setString(1, messageId);
                early.setString(2, state);
                return early.executeUpdate();
            }
        });
    }

    /**
     * Where the outbox stands in the requests' changes, in PostgreSQL's numbering of them, and the ids given next
     * following those moved in.
     */
    void adoptMarks(long seenRevision, Instant startedAt, long startedAfterSequence) {
        database.transaction(c -> {
            setMark(c, SEEN_REVISION, seenRevision);
            setMark(c, STARTED_AT, startedAt.toEpochMilli());
            setMark(c, STARTED_AFTER_SEQUENCE, startedAfterSequence);
            return null;
        });
    }

    void idsFollow() {
        database.transaction(c -> {
            MigrateStore.idsFollow(c, "outbox_ids", "outbox");
            return null;
        });
    }

    @Override
    public Optional<Notification> addOne(Notification reply) {
        return database.transaction(c -> insert(c, reply));
    }

    /** Keeps a notification whose key is new, numbered; empty when its key is kept already. */
    private static Optional<Notification> insert(Connection c, Notification notification) throws SQLException {
        long id;
        try (PreparedStatement next = c.prepareStatement("SELECT nextval('outbox_ids')");
             ResultSet row = next.executeQuery()) {
            row.next();
            id = row.getLong(1);
        }
        return insertNumbered(c, notification.numbered(id));
    }

    private static Optional<Notification> insertNumbered(Connection c, Notification numbered) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox (id, key, request, status, "
                + "next_try_at, record) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING")) {
            insert.setLong(1, numbered.id());
            insert.setString(2, numbered.key());
            insert.setString(3, numbered.request().map(TrackingCode::value).orElse(null));
            insert.setString(4, numbered.status().name());
            insert.setTimestamp(5, due(numbered));
            insert.setBytes(6, RecordTable.bytes(CODEC, numbered));
            return insert.executeUpdate() == 1 ? Optional.of(numbered) : Optional.empty();
        }
    }

    @Override
    public List<Notification> due(Instant now, int limit, Predicate<Notification> wanted) {
        List<Notification> found = new ArrayList<>();
        long afterId = -1;
        Timestamp afterAt = Timestamp.from(Instant.EPOCH);
        while (found.size() < limit) {
            Timestamp fromAt = afterAt;
            long fromId = afterId;
            List<Notification> batch = database.transaction(c -> read(c, "SELECT record FROM outbox "
                    + "WHERE status = 'PENDING' AND next_try_at <= ? AND (next_try_at, id) > (?, ?) "
                    + "ORDER BY next_try_at, id LIMIT " + BATCH, Timestamp.from(now), fromAt, fromId));
            for (Notification notification : batch) {
                if (found.size() < limit && wanted.test(notification)) {
                    found.add(notification);
                }
                afterAt = due(notification);
                afterId = notification.id();
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        return found;
    }

    @Override
    public Optional<Notification> beginAttempt(long id, Instant at) {
        return database.transaction(c -> {
            Notification current = locked(c, id);
            if (current == null || current.status() != NotificationStatus.PENDING) {
                return Optional.empty();
            }
            Notification begun = save(c, current.begun(at));
            try (PreparedStatement mine = c.prepareStatement("UPDATE outbox SET begun_by = ? WHERE id = ?")) {
                mine.setString(1, node.name());
                mine.setLong(2, id);
                mine.executeUpdate();
            }
            return Optional.of(begun);
        });
    }

    @Override
    public Notification endAttempt(long id, AttemptResult how, String detail, NotificationStatus next,
                                   Optional<Instant> retryAt) {
        OutboxRules.checkRetry(next, retryAt);
        return database.transaction(c -> {
            Notification current = locked(c, id);
            Notification ended = OutboxRules.ended(id, current, how, detail, next, retryAt);
            if (ended == current) {
                return current;
            }
            for (String messageId : OutboxRules.messageIds(ended, how, detail)) {
                try (PreparedStatement known = c.prepareStatement("INSERT INTO outbox_message_ids "
                        + "(message_id, notification) VALUES (?, ?) ON CONFLICT (message_id) DO UPDATE "
                        + "SET notification = EXCLUDED.notification")) {
                    known.setString(1, messageId);
                    known.setLong(2, id);
                    known.executeUpdate();
                }
                try (PreparedStatement early = c.prepareStatement(
                        "DELETE FROM outbox_early_receipts WHERE message_id = ? RETURNING state")) {
                    early.setString(1, messageId);
                    try (ResultSet row = early.executeQuery()) {
                        if (row.next()) {
                            ended = ended.received(row.getString(1));
                        }
                    }
                }
            }
            return save(c, ended);
        });
    }

    @Override
    public Optional<Notification> callAnswered(long id) {
        return database.transaction(c -> {
            Notification current = locked(c, id);
            if (current == null || current.channel() != Channel.CALL || current.attempts().isEmpty()) {
                return Optional.empty();
            }
            if (current.wasAnswered()) {
                return Optional.of(current);
            }
            return Optional.of(save(c, current.answered("answered")));
        });
    }

    @Override
    public Optional<Notification> receipt(String messageId, String state) {
        return database.transaction(c -> {
            Long id = null;
            try (PreparedStatement known = c.prepareStatement(
                    "SELECT notification FROM outbox_message_ids WHERE message_id = ?")) {
                known.setString(1, messageId);
                try (ResultSet row = known.executeQuery()) {
                    if (row.next()) {
                        id = row.getLong(1);
                    }
                }
            }
            Notification current = id == null ? null : locked(c, id);
            if (current == null) {
                try (PreparedStatement early = c.prepareStatement("INSERT INTO outbox_early_receipts (message_id, "
                        + "state) VALUES (?, ?) ON CONFLICT (message_id) DO UPDATE SET state = EXCLUDED.state")) {
                    early.setString(1, messageId);
                    early.setString(2, state);
                    early.executeUpdate();
                }
                return Optional.empty();
            }
            return Optional.of(save(c, current.received(state)));
        });
    }

    @Override
    public void skip(long id) {
        database.transaction(c -> {
            Notification current = locked(c, id);
            if (current != null && current.status() == NotificationStatus.PENDING) {
                save(c, current.withStatus(NotificationStatus.SKIPPED));
            }
            return id;
        });
    }

    /**
     * As the interface says ({@link OutboxRules#interrupted}), for the attempts this node began (it is starting again)
     * and those of nodes taken for dead: another node's attempt under way is its own business while it lives.
     */
    @Override
    public int markInterruptedUncertain(Instant callsFrom) {
        Set<String> nodes = node.selfAndDead();
        return database.transaction(c -> {
            List<Notification> interrupted = read(c, "SELECT record FROM outbox WHERE status = 'SENDING' "
                    + "AND (begun_by IS NULL OR begun_by = ANY (?)) ORDER BY id FOR UPDATE",
                    c.createArrayOf("text", nodes.toArray()));
            for (Notification current : interrupted) {
                Optional<Notification> again = OutboxRules.interrupted(current, callsFrom);
                if (again.isPresent()) {
                    save(c, again.get());
                }
            }
            return interrupted.size();
        });
    }

    @Override
    public Optional<Notification> find(long id) {
        List<Notification> found = database.transaction(c -> read(c, "SELECT record FROM outbox WHERE id = ?", id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    @Override
    public List<Notification> forRequest(TrackingCode request) {
        return database.transaction(c -> read(c, "SELECT record FROM outbox WHERE request = ? ORDER BY id",
                request.value()));
    }

    @Override
    public long count() {
        return database.transaction(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM outbox");
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** The notification as stored, its row locked until this transaction ends. */
    private static Notification locked(Connection c, long id) throws SQLException {
        List<Notification> found = read(c, "SELECT record FROM outbox WHERE id = ? FOR UPDATE", id);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static Notification save(Connection c, Notification notification) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE outbox SET status = ?, next_try_at = ?, record = ? WHERE id = ?")) {
            update.setString(1, notification.status().name());
            update.setTimestamp(2, due(notification));
            update.setBytes(3, RecordTable.bytes(CODEC, notification));
            update.setLong(4, notification.id());
            update.executeUpdate();
        }
        return notification;
    }

    /** When a pending notification is due; none for the others. */
    private static Timestamp due(Notification notification) {
        return notification.status() == NotificationStatus.PENDING
                ? notification.nextTryAt().map(Timestamp::from).orElse(null) : null;
    }

    private Optional<Long> mark(String name) {
        return database.transaction(c -> mark(c, name));
    }

    private static Optional<Long> mark(Connection c, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT value FROM outbox_marks WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void setMark(Connection c, String name, long value) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_marks (name, value) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setLong(2, value);
            insert.executeUpdate();
        }
    }

    private static List<Notification> read(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            List<Notification> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(RecordTable.read(CODEC, row.getBytes(1)));
                }
            }
            return found;
        }
    }
}
