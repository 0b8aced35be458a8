package ir.hotline137.requests.store;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.RequestNotFoundException;
import ir.hotline137.requests.Supporter;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The requests in PostgreSQL, for a cluster of nodes: the same contract as {@link MapDbRequestStore}. Each change
 * takes the next revision under a row lock held to its commit, so revisions commit in order and a node's index
 * reading "everything after revision n" misses nothing; each commit says its revision on {@value #CHANNEL}, so the
 * other nodes' indexes catch up within a moment instead of at their next look.
 *
 * <p>A request's record is kept with its registration order and revision in their own columns, stamped on it when
 * read: a registration is then one statement (both counters, the row, its numbers, the NOTIFY) and its commit, the
 * same two round trips as the plainest insert.
 */
public final class PostgresRequestStore implements RequestStore {
    /**
     * The channel every committed change is said on, as {@code <schema>:<revision>}: a channel is the database's, and
     * deployments (or tests) in other schemas of it hear it too.
     */
    public static final String CHANNEL = "requests_changed";
    /** Rows read at a time when walking many. */
    private static final int BATCH = 500;

    private final PostgresDatabase database;

    private PostgresRequestStore(PostgresDatabase database) {
        this.database = database;
    }

    /** Opens the store, bringing its tables to this build's. */
    public static PostgresRequestStore open(PostgresDatabase database) {
        database.migrate("requests");
        return new PostgresRequestStore(database);
    }

    @Override
    public CitizenRequest insert(CitizenRequest request) {
        return database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    WITH counted AS (UPDATE request_counters SET sequence = sequence + 1, revision = revision + 1
                                     WHERE NOT EXISTS (SELECT 1 FROM requests WHERE code = ?)
                                     RETURNING sequence, revision),
                         stored AS (INSERT INTO requests (code, sequence, revision, district, category, status, unit,
                                                          numbers, record)
                                    SELECT ?, counted.sequence, counted.revision, ?, ?, ?, ?, ?, ? FROM counted
                                    ON CONFLICT (code) DO NOTHING
                                    RETURNING sequence, revision)
                    SELECT sequence, revision, pg_notify(?, current_schema() || ':' || revision) FROM stored""")) {
                insert.setString(1, request.code().value());
                insert.setString(2, request.code().value());
                insert.setInt(3, request.district());
                insert.setString(4, request.category());
                insert.setString(5, request.status().name());
                insert.setString(6, waitsOn(request));
                insert.setArray(7, c.createArrayOf("text", numbers(request).toArray()));
                insert.setBytes(8, bytes(request));
                insert.setString(9, CHANNEL);
                try (ResultSet row = insert.executeQuery()) {
                    if (!row.next()) {
                        // The code is taken: the counters were left as they were (two nodes drawing the same code
                        // at the same moment may bump them once for nothing, which only leaves a gap).
                        throw new CodeTakenException(request.code());
                    }
                    return request.stamped(row.getLong(1), row.getLong(2));
                }
            }
        });
    }

    @Override
    public CitizenRequest update(TrackingCode code, UnaryOperator<CitizenRequest> change) {
        return database.transaction(c -> {
            writing(c);
            CitizenRequest current = locked(c, code);
            return put(c, current, change.apply(current));
        });
    }

    @Override
    public List<CitizenRequest> updateTogether(List<TrackingCode> codes,
                                               Function<List<CitizenRequest>, List<CitizenRequest>> change) {
        if (codes.stream().distinct().count() != codes.size()) {
            throw new IllegalArgumentException("a request is named twice: " + codes);
        }
        return database.transaction(c -> {
            writing(c);
            List<CitizenRequest> before = new ArrayList<>(codes.size());
            for (TrackingCode code : codes) {
                before.add(locked(c, code));
            }
            List<CitizenRequest> after = change.apply(List.copyOf(before));
            if (after.size() != before.size()) {
                throw new IllegalArgumentException("the change returned " + after.size() + " requests for "
                        + before.size());
            }
            List<CitizenRequest> stored = new ArrayList<>(after.size());
            for (int i = 0; i < after.size(); i++) {
                if (!after.get(i).code().equals(before.get(i).code())) {
                    throw new IllegalArgumentException("the change returned " + after.get(i).code() + " in place of "
                            + before.get(i).code());
                }
                stored.add(put(c, before.get(i), after.get(i)));
            }
            return stored;
        });
    }

    @Override
    public <T> T together(Supplier<T> changes) {
        return database.transaction(c -> changes.get());
    }

    private CitizenRequest put(Connection c, CitizenRequest current, CitizenRequest changed) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                WITH counted AS (UPDATE request_counters SET revision = revision + 1 RETURNING revision),
                     stored AS (UPDATE requests SET revision = counted.revision, district = ?, category = ?,
                                       status = ?, unit = ?, numbers = ?, record = ?
                                FROM counted WHERE code = ? RETURNING requests.revision)
                SELECT revision, pg_notify(?, current_schema() || ':' || revision) FROM stored""")) {
            update.setInt(1, changed.district());
            update.setString(2, changed.category());
            update.setString(3, changed.status().name());
            update.setString(4, waitsOn(changed));
            update.setArray(5, c.createArrayOf("text", numbers(changed).toArray()));
            update.setBytes(6, bytes(changed));
            update.setString(7, current.code().value());
            update.setString(8, CHANNEL);
            try (ResultSet row = update.executeQuery()) {
                row.next();
                return changed.stamped(current.sequence(), row.getLong(1));
            }
        }
    }

    /**
     * Every write takes the revision counter's row lock first, before any request's: writers queue on the one lock
     * (in the order they will commit), and two writers can never hold each other's rows.
     */
    private static void writing(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT revision FROM request_counters FOR UPDATE")) {
            lock.executeQuery().close();
        }
    }

    /** The request as stored, its row locked until this transaction ends. */
    private static CitizenRequest locked(Connection c, TrackingCode code) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT sequence, revision, record FROM requests WHERE code = ? FOR UPDATE")) {
            select.setString(1, code.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new RequestNotFoundException(code);
                }
                return request(row);
            }
        }
    }

    /** Every number the request knows (its caller's, its supporters'), so a caller finds it. */
    private static Set<String> numbers(CitizenRequest request) {
        Set<String> numbers = new LinkedHashSet<>();
        request.callerNumber().ifPresent(n -> numbers.add(n.digits()));
        for (Supporter supporter : request.supporters()) {
            supporter.callerNumber().ifPresent(n -> numbers.add(n.digits()));
        }
        return numbers;
    }

    /** An open request referred to a unit waits on it; once resolved, rejected or sent back it waits on nobody. */
    private static String waitsOn(CitizenRequest request) {
        return request.isOpen() ? request.referral().map(r -> r.unit()).orElse(null) : null;
    }

    @Override
    public Optional<CitizenRequest> find(TrackingCode code) {
        return one("SELECT sequence, revision, record FROM requests WHERE code = ?", code.value());
    }

    @Override
    public boolean contains(TrackingCode code) {
        return find(code).isPresent();
    }

    @Override
    public List<CitizenRequest> findByCaller(CallerNumber caller, int limit) {
        return many("SELECT sequence, revision, record FROM requests WHERE numbers @> ARRAY[?::text] "
                + "ORDER BY sequence DESC LIMIT ?", caller.digits(), limit);
    }

    @Override
    public List<CitizenRequest> waitingOn(String unit) {
        return many("SELECT sequence, revision, record FROM requests WHERE unit = ? ORDER BY sequence", unit);
    }

    @Override
    public List<CitizenRequest> waitingOnAnyUnit() {
        return many("SELECT sequence, revision, record FROM requests WHERE unit IS NOT NULL "
                + "ORDER BY unit COLLATE \"C\", sequence");
    }

    @Override
    public Page<CitizenRequest> search(RequestFilter filter, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        StringBuilder sql = new StringBuilder("SELECT sequence, revision, record FROM requests WHERE true");
        List<Object> values = new ArrayList<>();
        filter.district().ifPresent(d -> {
            sql.append(" AND district = ?");
            values.add(d);
        });
        filter.category().ifPresent(category -> {
            sql.append(" AND category = ?");
            values.add(category);
        });
        filter.status().ifPresent(status -> {
            sql.append(" AND status = ?");
            values.add(status.name());
        });
        sql.append(" ORDER BY sequence DESC LIMIT ? OFFSET ?");
        values.add(size + 1);
        values.add((long) page * size);
        List<CitizenRequest> found = many(sql.toString(), values.toArray());
        boolean hasNext = found.size() > size;
        return new Page<>(hasNext ? found.subList(0, size) : found, page, size, hasNext);
    }

    @Override
    public long count() {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM requests");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public long revision() {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT revision FROM request_counters");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public void forEachNewestFirst(Predicate<CitizenRequest> action) {
        walk("SELECT sequence, sequence, revision, record FROM requests WHERE sequence < ? ORDER BY sequence DESC LIMIT "
                + BATCH, Long.MAX_VALUE, action);
    }

    @Override
    public void forEachRecentlyChanged(Predicate<CitizenRequest> action) {
        walk("SELECT revision, sequence, revision, record FROM requests WHERE revision < ? ORDER BY revision DESC "
                + "LIMIT " + BATCH, Long.MAX_VALUE, action);
    }

    @Override
    public void forEachChangedSince(long revision, Consumer<CitizenRequest> action) {
        forEachChangeSince(revision, (request, at) -> action.accept(request));
    }

    @Override
    public void forEachChangeSince(long revision, ObjLongConsumer<CitizenRequest> action) {
        walk("SELECT revision, sequence, revision, record FROM requests WHERE revision > ? ORDER BY revision LIMIT "
                + BATCH, revision,
                (request, at) -> {
                    action.accept(request, at);
                    return true;
                });
    }

    @Override
    public void forEach(Consumer<CitizenRequest> action) {
        walk("SELECT sequence, sequence, revision, record FROM requests WHERE sequence > ? ORDER BY sequence LIMIT "
                + BATCH, 0L,
                (request, at) -> {
                    action.accept(request);
                    return true;
                });
    }

    /** The database is the application's, shared by every feature's store, and closed by whoever opened it. */
    @Override
    public void close() {
    }

    /** Walks rows a batch at a time by a key column, each batch its own short read, while {@code action} goes on. */
    private void walk(String sql, long from, Predicate<CitizenRequest> action) {
        walk(sql, from, (request, at) -> action.test(request));
    }

    private interface Step {
        boolean take(CitizenRequest request, long key);
    }

    private void walk(String sql, long from, Step action) {
        long key = from;
        while (true) {
            long after = key;
            List<Object[]> rows = database.transaction(c -> {
                List<Object[]> batch = new ArrayList<>(BATCH);
                try (PreparedStatement select = c.prepareStatement(sql)) {
                    select.setLong(1, after);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            batch.add(new Object[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getBytes(4)});
                        }
                    }
                }
                return batch;
            });
            for (Object[] row : rows) {
                key = (Long) row[0];
                if (!action.take(request((byte[]) row[3]).stamped((Long) row[1], (Long) row[2]), key)) {
                    return;
                }
            }
            if (rows.size() < BATCH) {
                return;
            }
        }
    }

    private Optional<CitizenRequest> one(String sql, Object... values) {
        List<CitizenRequest> found = many(sql, values);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private List<CitizenRequest> many(String sql, Object... values) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    select.setObject(i + 1, values[i]);
                }
                List<CitizenRequest> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(request(row));
                    }
                }
                return found;
            }
        });
    }

    private static byte[] bytes(CitizenRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try {
            CitizenRequestCodec.write(new DataOutputStream(bytes), request);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return bytes.toByteArray();
    }

    /** A row of sequence, revision and record. */
    private static CitizenRequest request(ResultSet row) throws SQLException {
        return request(row.getBytes(3)).stamped(row.getLong(1), row.getLong(2));
    }

    private static CitizenRequest request(byte[] record) {
        try {
            return CitizenRequestCodec.read(new DataInputStream(new ByteArrayInputStream(record)));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("a stored request cannot be read", unreadable);
        }
    }
}
