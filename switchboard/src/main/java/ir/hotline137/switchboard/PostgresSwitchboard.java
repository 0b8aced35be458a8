package ir.hotline137.switchboard;

import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.switchboard.AcceptOutcome.Accepted;
import ir.hotline137.switchboard.AcceptOutcome.AgentNotAvailable;
import ir.hotline137.switchboard.AcceptOutcome.NoLongerWaiting;
import ir.hotline137.switchboard.AcceptOutcome.TakenByOther;
import ir.hotline137.switchboard.AcceptOutcome.UnknownAgent;
import ir.hotline137.switchboard.SwitchboardEvent.AgentPresenceChanged;
import ir.hotline137.switchboard.SwitchboardEvent.AgentSignedOut;
import ir.hotline137.switchboard.SwitchboardEvent.CallAssigned;
import ir.hotline137.switchboard.SwitchboardEvent.CallEnded;
import ir.hotline137.switchboard.SwitchboardEvent.CallLeftQueue;
import ir.hotline137.switchboard.SwitchboardEvent.CallReturned;
import ir.hotline137.switchboard.SwitchboardEvent.CallWaiting;
import ir.hotline137.switchboard.SwitchboardEvent.LeaveReason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switchboard of a cluster, shared through PostgreSQL: an agent on any node's console sees every caller waiting
 * on any node, accepts one, and the node whose IVR holds the caller sees the acceptance at its next look and dials.
 *
 * <p>It keeps {@link LocalSwitchboard}'s rules with PostgreSQL's means. The single lock is the one row of
 * {@code switchboard_line}, which every change locks first: every decision (who gets a call, whether a time-out or an
 * acceptance came first) is made once, whichever nodes race. A change writes its events in the same transaction,
 * numbered under that lock, so their numbers are the order the changes committed; every node reads them in that order
 * after a NOTIFY (and on a timer, in case one was missed) and tells its own listeners. The node that made a change
 * reads its events before the change returns, so on that node a change is told before its caller goes on, as it is on
 * one node.
 *
 * <p>A node that dies leaves callers it no longer holds (Asterisk has passed them on) and agents whose consoles are
 * gone: whichever node next finds it silent for {@link ClusterNode#SILENCE} takes them off, and a node starting takes
 * off its own.
 */
public final class PostgresSwitchboard implements Switchboard, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresSwitchboard.class);
    static final String CHANNEL = "switchboard";
    /** Long enough for a node whose LISTEN was cut off to read what it missed; the screens' history is the state. */
    private static final Duration EVENTS_KEPT = Duration.ofHours(1);
    /** How long a change waits for its events to be told here by another thread telling them: a moment, normally. */
    private static final Duration TELLING_WAIT = Duration.ofSeconds(5);

    /** How often a caller on hold asks PostgreSQL whether an agent took them when no event about them was read. */
    private static final Duration LOOK_ANYWAY = Duration.ofSeconds(2);

    private final PostgresDatabase database;
    private final ClusterNode node;
    private final Duration lookAnyway;
    /** The calls this node's IVR holds, told when an event about one is read. */
    private final Map<CallId, SharedCall> held = new ConcurrentHashMap<>();
    private final Clock clock;
    private final OrderedEvents<Told> events = new OrderedEvents<>("Switchboard", this::told);
    /** Held while events are read and queued, so each is queued once and in order. */
    private final ReentrantLock reading = new ReentrantLock();
    /** The number of the last event queued for this node's listeners; written under {@link #reading}. */
    private volatile long heard;
    /** The number of the last event every listener has been told of; guarded by its own monitor. */
    private long toldThrough;
    private final Object telling = new Object();
    private final PostgresDatabase.Listening listening;
    private final Thread sweeping;
    private volatile boolean closed;

    private PostgresSwitchboard(PostgresDatabase database, ClusterNode node, Clock clock, Duration sweepEvery,
                                Duration lookAnyway) {
        this.database = database;
        this.node = node;
        this.clock = clock;
        this.lookAnyway = lookAnyway;
        this.heard = this.toldThrough = database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT next_event - 1 FROM switchboard_line");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
        // A node starting holds no caller and no console: what its last run left is taken off first.
        takeOff(Set.of(node.name()));
        this.listening = database.listen(CHANNEL, schema -> readEvents(), this::readEvents);
        this.sweeping = Thread.ofVirtual().name("switchboard-sweep").start(() -> sweep(sweepEvery));
    }

    /** Joins the cluster's switchboard as {@code node}, looking for dead nodes' leftovers every {@code sweepEvery}. */
    public static PostgresSwitchboard open(PostgresDatabase database, ClusterNode node, Clock clock,
                                           Duration sweepEvery) {
        return open(database, node, clock, sweepEvery, LOOK_ANYWAY);
    }

    /** @param lookAnyway how often a caller on hold asks PostgreSQL when no event about them was read */
    static PostgresSwitchboard open(PostgresDatabase database, ClusterNode node, Clock clock, Duration sweepEvery,
                                    Duration lookAnyway) {
        database.migrate("switchboard");
        return new PostgresSwitchboard(database, node, clock, sweepEvery, lookAnyway);
    }

    @Override
    public WaitingCall enqueue(CallId id, GatheredInfo info) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(info, "info");
        SharedCall call = change(line -> {
            if (line.row(id).isPresent()) {
                throw new IllegalStateException("call " + id + " is already on the switchboard");
            }
            Instant now = clock.instant();
            long sequence = line.takeSequence();
            try (PreparedStatement insert = line.c.prepareStatement("INSERT INTO switchboard_calls (call_id, node, "
                    + "sequence, info, enqueued_nanos, state) VALUES (?, ?, ?, ?, ?, 'WAITING')")) {
                insert.setString(1, id.value());
                insert.setString(2, node.name());
                insert.setLong(3, sequence);
                insert.setBytes(4, SwitchboardCodec.info(info));
                insert.setLong(5, nanos(now));
                insert.executeUpdate();
            }
            CallRow row = line.row(id).orElseThrow();
            line.emit(new CallWaiting(now, line.viewOf(row, now)));
            return new SharedCall(id, info, now);
        });
        // Its first look asks PostgreSQL whatever it was told, so an event read before this is not missed.
        held.put(id, call);
        return call;
    }

    @Override
    public List<WaitingCallView> waitingCalls() {
        return database.transaction(c -> {
            Instant now = clock.instant();
            List<WaitingCallView> views = new ArrayList<>();
            for (CallRow row : rows(c, "WHERE state = 'WAITING' ORDER BY sequence", null)) {
                views.add(row.view(views.size() + 1, now));
            }
            return views;
        });
    }

    @Override
    public Optional<WaitingCallView> call(CallId id) {
        Objects.requireNonNull(id, "id");
        return database.transaction(c -> {
            Instant now = clock.instant();
            for (CallRow row : rows(c, "WHERE call_id = ?", id.value())) {
                return Optional.of(row.view(positionOf(c, row), now));
            }
            return Optional.<WaitingCallView>empty();
        });
    }

    @Override
    public AcceptOutcome accept(CallId id, String agentUsername) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentUsername, "agentUsername");
        return change(line -> {
            Optional<AgentRow> agent = line.agent(agentUsername);
            if (agent.isEmpty()) {
                return new UnknownAgent(agentUsername);
            }
            Optional<CallRow> call = line.row(id);
            if (call.isEmpty()) {
                return new NoLongerWaiting(id);
            }
            if (call.get().state == CallState.ASSIGNED) {
                return new TakenByOther(call.get().agent.username());
            }
            if (agent.get().presence != Presence.AVAILABLE) {
                return new AgentNotAvailable(agentUsername, agent.get().presence);
            }
            Instant now = clock.instant();
            Agent taking = agent.get().agent;
            try (PreparedStatement update = line.c.prepareStatement("UPDATE switchboard_calls SET state = 'ASSIGNED', "
                    + "agent_username = ?, agent_name = ?, agent_dial = ?, left_queue_nanos = ? WHERE call_id = ?")) {
                update.setString(1, taking.username());
                update.setString(2, taking.displayName());
                update.setString(3, taking.dialString());
                update.setLong(4, nanos(now));
                update.setString(5, id.value());
                update.executeUpdate();
            }
            AgentView busy = line.setPresence(agentUsername, Presence.BUSY, null, id);
            line.emit(new CallAssigned(now, id, agentUsername));
            line.emit(new CallLeftQueue(now, id, LeaveReason.ASSIGNED));
            line.emit(new AgentPresenceChanged(now, busy));
            return new Accepted(line.viewOf(line.row(id).orElseThrow(), now), taking);
        });
    }

    @Override
    public AgentView signIn(Agent agent) {
        Objects.requireNonNull(agent, "agent");
        return change(line -> {
            Optional<AgentRow> row = line.agent(agent.username());
            if (row.isEmpty()) {
                try (PreparedStatement insert = line.c.prepareStatement("INSERT INTO switchboard_agents (username, "
                        + "node, display_name, dial_string, presence) VALUES (?, ?, ?, ?, 'AVAILABLE')")) {
                    insert.setString(1, agent.username());
                    insert.setString(2, node.name());
                    insert.setString(3, agent.displayName());
                    insert.setString(4, agent.dialString());
                    insert.executeUpdate();
                }
            } else {
                // Whichever node their console came back through is theirs now; a node found dead takes off only
                // the agents still its own.
                try (PreparedStatement update = line.c.prepareStatement("UPDATE switchboard_agents SET node = ?, "
                        + "display_name = ?, dial_string = ? WHERE username = ?")) {
                    update.setString(1, node.name());
                    update.setString(2, agent.displayName());
                    update.setString(3, agent.dialString());
                    update.setString(4, agent.username());
                    update.executeUpdate();
                }
                // A console come back through another node brings its agent on duty there: told, so that node's
                // shift log keeps it.
                if (row.get().agent.equals(agent) && row.get().node.equals(node.name())) {
                    return row.get().view();
                }
            }
            AgentView view = line.agent(agent.username()).orElseThrow().view();
            line.emit(new AgentPresenceChanged(clock.instant(), view));
            return view;
        });
    }

    @Override
    public void signOut(String username) {
        signOutIf(username, row -> true);
    }

    /** Only while their row says this node: their console may have come back through another since. */
    @Override
    public void signOutHere(String username) {
        signOutIf(username, row -> row.node.equals(node.name()));
    }

    private void signOutIf(String username, Predicate<AgentRow> theirs) {
        Objects.requireNonNull(username, "username");
        change(line -> {
            Optional<AgentRow> row = line.agent(username).filter(theirs);
            if (row.isEmpty()) {
                return null;
            }
            if (row.get().presence == Presence.BUSY) {
                throw new IllegalStateException("agent " + username + " is on call " + row.get().currentCall.orElseThrow()
                        + " and cannot sign out until it ends");
            }
            line.removeAgent(username);
            line.emit(new AgentSignedOut(clock.instant(), username));
            return null;
        });
    }

    @Override
    public void setAvailable(String username) {
        changePresence(username, Presence.AVAILABLE, null);
    }

    @Override
    public void goAway(String username, AwayReason reason) {
        changePresence(username, Presence.AWAY, AwayReason.requireChosen(reason));
    }

    private void changePresence(String username, Presence presence, AwayReason reason) {
        Objects.requireNonNull(username, "username");
        change(line -> {
            AgentRow row = line.agent(username).orElseThrow(
                    () -> new IllegalArgumentException("no agent is signed in as " + username));
            if (row.presence == Presence.BUSY) {
                throw new IllegalStateException("agent " + username + " is on call " + row.currentCall.orElseThrow());
            }
            if (row.presence != presence || row.awayReason.orElse(null) != reason) {
                line.emit(new AgentPresenceChanged(clock.instant(), line.setPresence(username, presence, reason, null)));
            }
            return null;
        });
    }

    @Override
    public List<AgentView> agents() {
        return database.transaction(c -> agentRows(c, "ORDER BY username COLLATE \"C\"", null).stream().map(AgentRow::view).toList());
    }

    @Override
    public Optional<AgentView> agent(String username) {
        Objects.requireNonNull(username, "username");
        return database.transaction(c -> agentRows(c, "WHERE username = ?", username).stream().findFirst()
                .map(AgentRow::view));
    }

    @Override
    public List<AgentView> agentsHere() {
        return database.transaction(c -> agentRows(c, "WHERE node = ? ORDER BY username COLLATE \"C\"", node.name()).stream()
                .map(AgentRow::view).toList());
    }

    @Override
    public Subscription subscribe(SwitchboardListener listener) {
        Objects.requireNonNull(listener, "listener");
        return events.subscribe(listener, told -> {
            if (told.event() != null) {
                listener.on(told.event());
            }
        });
    }

    @Override
    public Subscription subscribeHere(SwitchboardListener listener) {
        Objects.requireNonNull(listener, "listener");
        return events.subscribe(listener, told -> {
            if (told.here() && told.event() != null) {
                listener.on(told.event());
            }
        });
    }

    /** An event as read back: its number, whether a change on this node made it, and it (null if unreadable). */
    private record Told(long number, boolean here, SwitchboardEvent event) {
    }

    /** The handle of a call this node's IVR holds; what it ended itself it remembers, as the row is gone then. */
    private final class SharedCall extends CallHandle {
        /** How this node ended the call, or null while it is on the switchboard. Only the IVR's one thread sets it. */
        private volatile CallState ended;
        /** The agent of a call that ENDED, and when the call last left the queue, once it has gone. */
        private volatile Agent endedWith;
        private volatile Instant leftAt;
        /** The agent last seen to have taken the call, should its row be taken off under it. */
        private volatile Agent lastAgent;
        /** Whether an event about the call was read since its last look at PostgreSQL (and before the first). */
        private volatile boolean news = true;
        /** When it last looked at PostgreSQL ({@link System#nanoTime()}), and what it found. */
        private volatile long lookedAt;
        private volatile Optional<Agent> lastLook = Optional.empty();

        SharedCall(CallId id, GatheredInfo info, Instant enqueuedAt) {
            super(id, info, enqueuedAt);
        }

        @Override
        public int position() {
            if (ended != null) {
                return 0;
            }
            return database.transaction(c -> {
                for (CallRow row : rows(c, "WHERE call_id = ?", id.value())) {
                    return positionOf(c, row);
                }
                return 0;
            });
        }

        @Override
        public Duration waited() {
            if (ended != null) {
                return nonNegative(Duration.between(enqueuedAt, leftAt));
            }
            Instant now = clock.instant();
            return database.transaction(c -> rows(c, "WHERE call_id = ?", id.value()).stream().findFirst()
                    .map(row -> row.waited(now)).orElseGet(() -> nonNegative(Duration.between(enqueuedAt, now))));
        }

        @Override
        public Optional<Agent> assignedAgent() {
            CallState end = ended;
            if (end != null) {
                return Optional.ofNullable(end == CallState.ENDED ? endedWith : null);
            }
            // The IVR looks every hold-listen (250 ms) for each caller on hold: PostgreSQL is asked only when an event
            // about the call was read since, or now and then in case one was read late.
            long now = System.nanoTime();
            if (!news && now - lookedAt < lookAnyway.toNanos()) {
                return lastLook;
            }
            news = false;
            lookedAt = now;
            Optional<Agent> agent = database.transaction(c -> rows(c, "WHERE call_id = ?", id.value()).stream()
                    .findFirst().filter(row -> row.state == CallState.ASSIGNED).map(row -> row.agent));
            agent.ifPresent(seen -> lastAgent = seen);
            lastLook = agent;
            return agent;
        }

        @Override
        public void abandon() {
            if (ended != null) {
                return;
            }
            Instant left = change(line -> {
                Optional<CallRow> row = line.row(id);
                Instant now = clock.instant();
                if (row.isPresent()) {
                    line.takeOff(row.get(), LeaveReason.ABANDONED, now);
                }
                return row.flatMap(CallRow::leftQueueAt).orElse(now);
            });
            endAs(CallState.ABANDONED, null, left);
        }

        @Override
        public boolean timeOut() {
            CallState end = ended;
            if (end != null) {
                return end != CallState.ENDED;
            }
            Optional<Instant> timedOut = change(line -> {
                Optional<CallRow> row = line.row(id);
                Instant now = clock.instant();
                if (row.isPresent() && row.get().state == CallState.ASSIGNED) {
                    return Optional.empty();
                }
                if (row.isPresent()) {
                    line.deleteCall(id);
                    line.emit(new CallLeftQueue(now, id, LeaveReason.TIMED_OUT));
                }
                return Optional.of(now);
            });
            timedOut.ifPresent(at -> endAs(CallState.TIMED_OUT, null, at));
            return timedOut.isPresent();
        }

        @Override
        public void bridgeFailed() {
            change(line -> {
                CallRow row = line.row(id).filter(r -> r.state == CallState.ASSIGNED).orElseThrow(
                        () -> new IllegalStateException("call " + id + " has no agent to have failed"));
                Instant now = clock.instant();
                try (PreparedStatement update = line.c.prepareStatement("UPDATE switchboard_calls SET state = "
                        + "'WAITING', agent_username = NULL, agent_name = NULL, agent_dial = NULL, "
                        + "left_queue_nanos = NULL WHERE call_id = ?")) {
                    update.setString(1, id.value());
                    update.executeUpdate();
                }
                line.emit(new CallReturned(now, id, row.agent.username()));
                line.release(row, AwayReason.NO_ANSWER, now);
                return null;
            });
        }

        @Override
        public void bridgeEnded() {
            if (ended == CallState.ENDED) {
                return;
            }
            Optional<CallRow> ending = change(line -> {
                Optional<CallRow> row = line.row(id).filter(r -> r.state == CallState.ASSIGNED);
                if (row.isEmpty()) {
                    return row;
                }
                Instant now = clock.instant();
                line.deleteCall(id);
                line.emit(new CallEnded(now, id, row.get().agent.username()));
                line.release(row.get(), null, now);
                return row;
            });
            if (ending.isPresent()) {
                endAs(CallState.ENDED, ending.get().agent, ending.get().leftQueueAt.orElse(clock.instant()));
                return;
            }
            Agent talkedTo = lastAgent;
            if (talkedTo == null) {
                throw new IllegalStateException("call " + id + " was never bridged to an agent");
            }
            // Taken off while the conversation went on: this node was taken for dead (its beats late), not the call.
            log.warn("call {} was taken off the switchboard while {} talked to the caller", id, talkedTo.username());
            endAs(CallState.ENDED, talkedTo, clock.instant());
        }

        /** Remembered only once the change is made; a change rolled back leaves the call as it was. */
        private void endAs(CallState end, Agent agent, Instant left) {
            endedWith = agent;
            leftAt = left;
            ended = end;
            held.remove(id);
        }

        /** An event about this call was read: the next look asks PostgreSQL. */
        void changed() {
            news = true;
        }
    }

    /** The call an event is about, if it is about one. */
    private static Optional<CallId> callOf(SwitchboardEvent event) {
        return switch (event) {
            case CallWaiting waiting -> Optional.of(waiting.call().id());
            case CallAssigned assigned -> Optional.of(assigned.id());
            case CallLeftQueue left -> Optional.of(left.id());
            case CallReturned returned -> Optional.of(returned.id());
            case CallEnded ended -> Optional.of(ended.id());
            case AgentPresenceChanged presence -> Optional.empty();
            case AgentSignedOut signedOut -> Optional.empty();
        };
    }

    // The line: every change runs under the one row's lock, in one transaction.

    private <T> T change(Change<T> work) {
        Objects.requireNonNull(work, "work");
        if (database.inTransaction()) {
            // Its events are told once committed; inside another transaction they could be told of a rollback.
            throw new IllegalStateException("a change of the switchboard is a transaction of its own");
        }
        long[] last = {0};
        T result = database.transaction(c -> {
            Line line = new Line(c);
            line.lock();
            T made = work.make(line);
            last[0] = line.writeEvents();
            return made;
        });
        try {
            readEvents();
        } catch (RuntimeException unread) {
            // The change is made: its events are told when the NOTIFY or the timer reads them.
            log.warn("events after change not read yet ({}); read again shortly", unread.toString());
            return result;
        }
        if (last[0] > 0) {
            awaitTold(last[0]);
        }
        return result;
    }

    /**
     * Returns once this change's events, and those its listeners' own changes made in turn, have been told here, as a
     * change on one node returns: the thread listening for other nodes may have taken them to tell. A listener making a
     * change cannot wait for itself; its change is told after it returns, as on one node.
     */
    private void awaitTold(long number) {
        if (events.deliveringOnThisThread()) {
            return;
        }
        long deadline = System.nanoTime() + TELLING_WAIT.toNanos();
        long until = number;
        try {
            while (true) {
                synchronized (telling) {
                    while (toldThrough < until) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            log.warn("event {} not yet told to this node's listeners after {}", until, TELLING_WAIT);
                            return;
                        }
                        telling.wait(Math.max(1, left / 1_000_000));
                    }
                }
                // What listeners changed while being told was queued before they returned.
                long queued = heard;
                if (queued <= until) {
                    return;
                }
                until = queued;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void told(Told event) {
        synchronized (telling) {
            toldThrough = event.number();
            telling.notifyAll();
        }
    }

    /** What a change does on the line. */
    private interface Change<T> {
        T make(Line line) throws SQLException;
    }

    /** One change in the making: its connection, the line's counters it holds locked, and the events it makes. */
    private final class Line {
        final Connection c;
        private long nextSequence;
        private long nextEvent;
        private boolean sequenceTaken;
        private final List<SwitchboardEvent> made = new ArrayList<>();

        Line(Connection c) {
            this.c = c;
        }

        void lock() throws SQLException {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT next_sequence, next_event FROM switchboard_line FOR UPDATE");
                 ResultSet row = select.executeQuery()) {
                row.next();
                nextSequence = row.getLong(1);
                nextEvent = row.getLong(2);
            }
        }

        long takeSequence() {
            sequenceTaken = true;
            return nextSequence++;
        }

        void emit(SwitchboardEvent event) {
            made.add(event);
        }

        /** @return the number of the last event written, or 0 when the change made none */
        long writeEvents() throws SQLException {
            if (made.isEmpty() && !sequenceTaken) {
                return 0; // nothing changed that the line counts: no write to replicate
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO switchboard_events (number, node, event) VALUES (?, ?, ?)")) {
                for (SwitchboardEvent event : made) {
                    insert.setLong(1, nextEvent++);
                    insert.setString(2, node.name());
                    insert.setBytes(3, SwitchboardCodec.event(event));
                    insert.addBatch();
                }
                if (!made.isEmpty()) {
                    insert.executeBatch();
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE switchboard_line SET next_sequence = ?, next_event = ?")) {
                update.setLong(1, nextSequence);
                update.setLong(2, nextEvent);
                update.executeUpdate();
            }
            if (made.isEmpty()) {
                return 0;
            }
            try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, current_schema())")) {
                notify.setString(1, CHANNEL);
                notify.execute();
            }
            return nextEvent - 1;
        }

        Optional<CallRow> row(CallId id) throws SQLException {
            return rows(c, "WHERE call_id = ?", id.value()).stream().findFirst();
        }

        Optional<AgentRow> agent(String username) throws SQLException {
            return agentRows(c, "WHERE username = ?", username).stream().findFirst();
        }

        WaitingCallView viewOf(CallRow row, Instant now) throws SQLException {
            return row.view(positionOf(c, row), now);
        }

        void deleteCall(CallId id) throws SQLException {
            update("DELETE FROM switchboard_calls WHERE call_id = ?", id.value());
        }

        void removeAgent(String username) throws SQLException {
            update("DELETE FROM switchboard_agents WHERE username = ?", username);
        }

        /** A call leaves the switchboard for good, freeing the agent it was given to. */
        void takeOff(CallRow row, LeaveReason why, Instant now) throws SQLException {
            deleteCall(row.id);
            emit(new CallLeftQueue(now, row.id, why));
            if (row.state == CallState.ASSIGNED) {
                release(row, null, now);
            }
        }

        /**
         * Frees the agent holding the call, AVAILABLE or AWAY for the reason given, unless (defensively) they have moved
         * on to another call.
         */
        void release(CallRow call, AwayReason away, Instant now) throws SQLException {
            Optional<AgentRow> agent = agent(call.agent.username());
            if (agent.isPresent() && agent.get().currentCall.equals(Optional.of(call.id))) {
                emit(new AgentPresenceChanged(now, setPresence(call.agent.username(),
                        away == null ? Presence.AVAILABLE : Presence.AWAY, away, null)));
            }
        }

        AgentView setPresence(String username, Presence presence, AwayReason reason, CallId currentCall)
                throws SQLException {
            try (PreparedStatement update = c.prepareStatement("UPDATE switchboard_agents SET presence = ?, "
                    + "away_reason = ?, current_call = ? WHERE username = ?")) {
                update.setString(1, presence.name());
                update.setString(2, reason == null ? null : reason.name());
                update.setString(3, currentCall == null ? null : currentCall.value());
                update.setString(4, username);
                update.executeUpdate();
            }
            return agentRows(c, "WHERE username = ?", username).getFirst().view();
        }

        private void update(String statement, String key) throws SQLException {
            try (PreparedStatement update = c.prepareStatement(statement)) {
                update.setString(1, key);
                update.executeUpdate();
            }
        }
    }

    // Reading back.

    /**
     * Queues the events committed since the last read for this node's listeners, in their order, and tells them. Any
     * thread may call it (a change just made, the LISTEN, the sweep's timer); each event is told once.
     */
    private void readEvents() {
        if (closed) {
            return;
        }
        reading.lock();
        try {
            database.transaction(c -> {
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT number, node, event FROM switchboard_events WHERE number > ? ORDER BY number")) {
                    select.setLong(1, heard);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            long number = row.getLong(1);
                            try {
                                SwitchboardEvent event = SwitchboardCodec.event(row.getBytes(3));
                                callOf(event).map(held::get).ifPresent(SharedCall::changed);
                                events.add(new Told(number, node.name().equals(row.getString(2)), event));
                            } catch (RuntimeException unreadable) {
                                // A newer node's event, say, during an upgrade: screens miss one change (a reload
                                // shows the state), rather than every change after it.
                                log.error("switchboard event {} cannot be read by this build; skipped", number,
                                        unreadable);
                                events.add(new Told(number, false, null));
                            }
                            heard = number;
                        }
                    }
                }
                return null;
            });
        } finally {
            reading.unlock();
        }
        events.deliver();
    }

    private void sweep(Duration every) {
        while (!closed) {
            try {
                Thread.sleep(every);
                readEvents();
                Set<String> silent = node.othersSilent();
                if (!silent.isEmpty()) {
                    takeOff(silent);
                }
                database.forgetOlderThan("switchboard_events", EVENTS_KEPT);
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException failed) {
                log.warn("the switchboard's sweep failed ({}); trying again", failed.toString());
            }
        }
    }

    /**
     * Takes off the callers and agents of nodes that hold them no more: the calls leave as abandoned (their IVR is
     * gone), freeing their agents; the agents sign out unless they are on a call another node still holds.
     */
    private void takeOff(Set<String> nodes) {
        change(line -> {
            Instant now = clock.instant();
            String[] names = nodes.toArray(String[]::new);
            List<CallRow> calls = rows(line.c, "WHERE node = ANY (?) ORDER BY sequence", names);
            for (CallRow call : calls) {
                log.warn("call {} was held by node {}, which is gone: taken off the switchboard", call.id, call.node);
                line.takeOff(call, LeaveReason.ABANDONED, now);
            }
            List<AgentRow> agents = agentRows(line.c, "WHERE node = ANY (?) ORDER BY username", names);
            for (AgentRow agent : agents) {
                if (agent.presence != Presence.BUSY) {
                    line.removeAgent(agent.agent.username());
                    line.emit(new AgentSignedOut(now, agent.agent.username()));
                }
            }
            return null;
        });
    }

    // Rows.

    /** A call's row as read. */
    private record CallRow(CallId id, String node, long sequence, GatheredInfo info, Instant enqueuedAt,
                           CallState state, Agent agent, Optional<Instant> leftQueueAt) {
        WaitingCallView view(int position, Instant now) {
            return new WaitingCallView(id, info, enqueuedAt, position, waited(now),
                    Optional.ofNullable(agent).map(Agent::username));
        }

        Duration waited(Instant now) {
            return nonNegative(Duration.between(enqueuedAt, leftQueueAt.orElse(now)));
        }
    }

    /** An agent's row as read. */
    private record AgentRow(Agent agent, String node, Presence presence, Optional<AwayReason> awayReason,
                            Optional<CallId> currentCall) {
        AgentView view() {
            return new AgentView(agent, presence, currentCall, awayReason);
        }
    }

    private static List<CallRow> rows(Connection c, String where, Object key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT call_id, node, sequence, info, enqueued_nanos, "
                + "state, agent_username, agent_name, agent_dial, left_queue_nanos FROM switchboard_calls " + where)) {
            bind(c, select, key);
            List<CallRow> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String username = row.getString(7);
                    long left = row.getLong(10);
                    Optional<Instant> leftAt = row.wasNull() ? Optional.empty() : Optional.of(instant(left));
                    rows.add(new CallRow(new CallId(row.getString(1)), row.getString(2), row.getLong(3),
                            SwitchboardCodec.info(row.getBytes(4)), instant(row.getLong(5)),
                            CallState.valueOf(row.getString(6)),
                            username == null ? null : new Agent(username, row.getString(8), row.getString(9)), leftAt));
                }
            }
            return rows;
        }
    }

    private static List<AgentRow> agentRows(Connection c, String where, Object key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT username, display_name, dial_string, presence, "
                + "away_reason, current_call, node FROM switchboard_agents " + where)) {
            bind(c, select, key);
            List<AgentRow> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new AgentRow(new Agent(row.getString(1), row.getString(2), row.getString(3)),
                            row.getString(7), Presence.valueOf(row.getString(4)),
                            Optional.ofNullable(row.getString(5)).map(AwayReason::valueOf),
                            Optional.ofNullable(row.getString(6)).map(CallId::new)));
                }
            }
            return rows;
        }
    }

    private static void bind(Connection c, PreparedStatement select, Object key) throws SQLException {
        switch (key) {
            case null -> { }
            case String text -> select.setString(1, text);
            case String[] texts -> select.setArray(1, c.createArrayOf("text", texts));
            default -> throw new IllegalArgumentException("cannot bind " + key.getClass());
        }
    }

    /** 1-based place of a waiting call; 0 for one taken by an agent. */
    private static int positionOf(Connection c, CallRow row) throws SQLException {
        if (row.state != CallState.WAITING) {
            return 0;
        }
        try (PreparedStatement count = c.prepareStatement(
                "SELECT count(*) FROM switchboard_calls WHERE state = 'WAITING' AND sequence < ?")) {
            count.setLong(1, row.sequence);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1) + 1;
            }
        }
    }

    private static Duration nonNegative(Duration waited) {
        // A wall clock stepped back must not make a caller's wait negative.
        return waited.isNegative() ? Duration.ZERO : waited;
    }

    private static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** A node stopping holds no caller and no console any more: what is its own is taken off first. */
    @Override
    public void close() throws InterruptedException {
        try {
            takeOff(Set.of(node.name()));
        } catch (RuntimeException notTaken) {
            log.warn("this node's callers and agents were not taken off at its stop ({}); the others will when it "
                    + "has been silent long enough", notTaken.toString());
        }
        closed = true;
        sweeping.interrupt();
        sweeping.join();
        listening.close();
    }
}
