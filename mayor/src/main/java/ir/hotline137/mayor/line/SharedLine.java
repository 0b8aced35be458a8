package ir.hotline137.mayor.line;

import ir.hotline137.store.StoreRefusedException;
import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.switchboard.CallId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mayor's line of a cluster, kept in PostgreSQL: a caller held by node A's IVR is screened by a moderator on node
 * B, the mayor on node C puts them on air, and A, seeing it at its next look, bridges them.
 *
 * <p>Every node keeps a copy of the line in memory and changes it by {@link MayorLine}'s own rules, under the one row
 * of {@code mayor_line} as well as its own lock: a change locks the row (before its own lock, so looks here never wait
 * for PostgreSQL), first makes this node's copy what the last change anywhere left (the snapshot in the row, when its
 * version is newer than this copy's), then makes the change, and writes the line back whole with the change's events
 * and its record (the keeper), and commits, in one transaction under its own lock. A change that fails puts this
 * node's copy back as it was before it. So every race
 * (two clicks on "next" on two nodes, the moderator approving as the caller hangs up on another node) is decided once,
 * and the line and the programme's record commit together. Changes come at the pace of people and a line holds a few
 * hundred callers at most, so writing it whole costs little and keeps one set of rules.
 *
 * <p>Other nodes hear of a change by a NOTIFY (and on a timer, in case one was missed): they read the events since
 * their last and tell their screens, then take the snapshot. Looks (the IVR's between listens, the screens') read this
 * node's copy, which is at most a NOTIFY behind.
 *
 * <p>A node that dies leaves callers it no longer holds (Asterisk has hung them up): whichever node next finds it
 * silent for {@link ClusterNode#SILENCE} takes them off, ending a conversation on air so the mayor is free, and a node
 * starting takes off its own. A living node whose report of a caller's end could not be written (PostgreSQL away for
 * a moment) writes it again at its next sweep, so a caller gone is never left for the mayor to take.
 */
final class SharedLine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SharedLine.class);
    static final String CHANNEL = "mayor_line";
    /** Long enough for a node whose LISTEN was cut off to read what it missed; the snapshot is the state. */
    private static final Duration EVENTS_KEPT = Duration.ofHours(1);

    private final PostgresDatabase database;
    private final ClusterNode node;
    private final MayorLineKeeper keeper;
    private MayorLine line;

    /** The version of the line this node's copy is; -1 before the first read. Written under the line's lock. */
    private volatile long version = -1;
    /** The number of the last event told here. Written under the line's lock; read outside it to know what to read. */
    private volatile long heard;

    private PostgresDatabase.Listening listening;
    private Thread sweeping;
    private volatile boolean closed;

    SharedLine(PostgresDatabase database, ClusterNode node, MayorLineKeeper keeper) {
        this.database = database;
        this.node = node;
        this.keeper = keeper;
    }

    void start(MayorLine line, Duration sweepEvery) {
        database.migrate("mayor-line");
        this.line = line;
        // Events before now were told to screens that are gone; a screen opening reads the line itself.
        this.heard = database.transaction(c -> head(c, false).nextEvent() - 1);
        catchUp();
        // A node starting holds no caller: what its last run left is taken off first.
        line.takeOff(Set.of(node.name()));
        listening = database.listen(CHANNEL, schema -> heard(), this::heard);
        sweeping = Thread.ofVirtual().name("mayor-line-sweep").start(() -> sweep(sweepEvery));
    }

    /**
     * Makes a change of the line; see the class. The row is locked before this node's lock is taken, so a look at the
     * line here never waits for PostgreSQL, only for the change's own few statements. A change that fails leaves this
     * node's copy as it was before it, so nobody here acts on what was not committed.
     */
    <T> T change(Supplier<T> action) {
        if (database.inTransaction()) {
            // Its events are told once committed; inside another transaction they could be told of a rollback.
            throw new IllegalStateException("a change of the mayor's line is a transaction of its own");
        }
        long[] through = {0};
        try {
            return database.transaction(c -> {
                Head head = head(c, true);
                List<Numbered> missed = eventsBefore(c, head);
                return line.underLockUntold(() -> {
                    apply(head, missed);
                    LineSnapshot before = line.snapshot();
                    Map<CallId, MayorCaller> handles = line.handles();
                    try {
                        T made = action.get();
                        List<MayorLineEvent> events = line.made();
                        if (!events.isEmpty()) {
                            keeper.keep(events);
                            long last = write(c, head, events);
                            // Committed here, under the lock: nobody on this node sees the change before it stands.
                            commit(c);
                            version = head.version() + 1;
                            heard = last;
                        }
                        return made;
                    } catch (RuntimeException failed) {
                        line.restore(before, handles);
                        throw failed;
                    }
                }, through);
            });
        } finally {
            // Once the transaction is over, so a listener acting on the line makes a change of its own.
            line.tell(through[0]);
        }
    }

    /** Brings this node's copy up to the committed line and tells its listeners; reads without this node's lock. */
    void catchUp() {
        Fetched fetched = database.transaction(c -> {
            Head head = head(c, false);
            return new Fetched(head, eventsBefore(c, head));
        });
        line.underLock(() -> {
            apply(fetched.head(), fetched.events());
            return null;
        });
    }

    private record Fetched(Head head, List<Numbered> events) {
    }

    private record Numbered(long number, byte[] event) {
    }

    /** The events committed since this node's last, up to the head read: in order, none missing. */
    private List<Numbered> eventsBefore(Connection c, Head head) throws SQLException {
        List<Numbered> events = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT number, event FROM mayor_line_events "
                + "WHERE number > ? AND number < ? ORDER BY number")) {
            select.setLong(1, heard);
            select.setLong(2, head.nextEvent());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(new Numbered(row.getLong(1), row.getBytes(2)));
                }
            }
        }
        return events;
    }

    /**
     * Under the line's lock: tells the events this node has not told yet and takes the line as committed, unless
     * another thread got here first with as much or more (both only ever move on).
     */
    private void apply(Head head, List<Numbered> events) {
        for (Numbered numbered : events) {
            if (numbered.number() <= heard) {
                continue;
            }
            try {
                line.relay(MayorLineCodec.event(numbered.event()));
            } catch (RuntimeException unreadable) {
                // A newer node's event, during an upgrade: screens miss one change (the snapshot still makes the
                // line right), rather than every change after it.
                log.error("mayor's line event {} cannot be read by this build; skipped", numbered.number(), unreadable);
            }
            heard = numbered.number();
        }
        if (head.nextEvent() - 1 > heard) {
            heard = head.nextEvent() - 1;
        }
        if (head.version() > version) {
            // No snapshot yet: no change has been made on the cluster's line.
            line.restore(head.snapshot() == null ? LineSnapshot.EMPTY : MayorLineCodec.snapshot(head.snapshot()),
                    Map.of());
            version = head.version();
        }
    }

    private record Head(long version, long nextEvent, byte[] snapshot) {
    }

    private Head head(Connection c, boolean locking) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT version, next_event, snapshot FROM mayor_line"
                + (locking ? " FOR UPDATE" : ""));
             ResultSet row = select.executeQuery()) {
            row.next();
            return new Head(row.getLong(1), row.getLong(2), row.getBytes(3));
        }
    }

    private static void commit(Connection c) {
        try {
            c.commit();
        } catch (SQLException failed) {
            throw new StoreRefusedException("PostgreSQL refused the mayor's line's change: " + failed.getMessage()
                    + " (SQLState " + failed.getSQLState() + ")", failed);
        }
    }

    /** Writes a change: its events, the line as it left it, and a NOTIFY. @return the last event's number */
    private long write(Connection c, Head head, List<MayorLineEvent> events) {
        try {
            return writing(c, head, events);
        } catch (SQLException failed) {
            throw new StoreRefusedException("PostgreSQL refused the mayor's line's change: " + failed.getMessage()
                    + " (SQLState " + failed.getSQLState() + ")", failed);
        }
    }

    private long writing(Connection c, Head head, List<MayorLineEvent> events) throws SQLException {
        long number = head.nextEvent();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO mayor_line_events (number, node, event) VALUES (?, ?, ?)")) {
            for (MayorLineEvent event : events) {
                insert.setLong(1, number++);
                insert.setString(2, node.name());
                insert.setBytes(3, MayorLineCodec.event(event));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE mayor_line SET version = ?, next_event = ?, snapshot = ?")) {
            update.setLong(1, head.version() + 1);
            update.setLong(2, number);
            update.setBytes(3, MayorLineCodec.snapshot(line.snapshot()));
            update.executeUpdate();
        }
        try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, current_schema())")) {
            notify.setString(1, CHANNEL);
            notify.execute();
        }
        return number - 1;
    }

    private void heard() {
        if (closed) {
            return;
        }
        try {
            catchUp();
        } catch (RuntimeException unread) {
            log.warn("the mayor's line could not be read after a change ({}); read again shortly", unread.toString());
        }
    }

    private void sweep(Duration every) {
        while (!closed) {
            try {
                Thread.sleep(every);
                heard();
                Set<String> silent = node.othersSilent();
                if (!silent.isEmpty() && line.holdsCallersOf(silent)) {
                    line.takeOff(silent);
                }
                if (line.hasUnsettledEnds()) {
                    line.settleEnds();
                }
                database.forgetOlderThan("mayor_line_events", EVENTS_KEPT);
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException failed) {
                log.warn("the mayor's line's sweep failed ({}); trying again", failed.toString());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        if (sweeping != null) {
            sweeping.interrupt();
            sweeping.join();
        }
        if (listening != null) {
            listening.close();
        }
    }
}
