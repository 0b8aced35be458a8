package ir.hotline137.mayor.line;

import ir.hotline137.mayor.line.MayorLineEvent.CallerChanged;
import ir.hotline137.mayor.line.MayorLineEvent.CallerFileChanged;
import ir.hotline137.mayor.line.MayorLineEvent.CallerJoined;
import ir.hotline137.mayor.line.MayorLineEvent.CallerLeft;
import ir.hotline137.mayor.line.MayorLineEvent.MessageSaid;
import ir.hotline137.mayor.line.MayorLineEvent.NumberGiven;
import ir.hotline137.mayor.line.MayorLineEvent.SessionClosed;
import ir.hotline137.mayor.line.MayorLineEvent.SessionOpened;
import ir.hotline137.mayor.line.NextCaller.Bridged;
import ir.hotline137.mayor.line.NextCaller.NoSession;
import ir.hotline137.mayor.line.NextCaller.NoneApproved;
import ir.hotline137.mayor.line.NextCaller.StillOnAir;
import ir.hotline137.mayor.line.ScreeningOutcome.Done;
import ir.hotline137.mayor.line.ScreeningOutcome.NotAllowed;
import ir.hotline137.mayor.line.ScreeningOutcome.NotInLine;
import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.LockedState;
import ir.hotline137.switchboard.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live state of a "mayor on the line" programme: the open session, the callers who joined it, the
 * moderator's screening and the one caller on air. The IVR (callers joining, waiting, hanging up) and the
 * console (moderator and mayor) meet here.
 *
 * <p>Every change is kept, as it happens, by the line's keeper (the session log), so the programme's record
 * never waits for a screen and is there for a report at once.
 *
 * <p>Guarded as the switchboard's queue is, by one {@link LockedState}: each change is a few list operations and
 * one durable write by the keeper under its lock, which makes every race (the moderator approving as the caller
 * hangs up, two clicks on "next") plainly atomic, and its events reach the screens in order after the lock is let
 * go. Changes come at the pace of people (a caller joining, a moderator's click), so the write costs the line
 * little. On a cluster ({@link #shared}) the same rules run on each node's copy under PostgreSQL's lock as well, and
 * every node hears every change.
 */
public final class MayorLine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MayorLine.class);

    /** How a reason for turning a caller away starts among their notes, so the report keeps it with them. */
    public static final String REJECTED_BECAUSE = "دلیل رد: ";
    /** A programme's messages kept for the screens; older ones have been read. */
    public static final int MESSAGES_KEPT = 100;

    private final Clock clock;
    private final Duration expectedConversation;
    private final LockedState<MayorLineEvent> locked;
    /** Where the line is shared with the cluster's other nodes; null when it lives on this node alone. */
    private final SharedLine shared;
    /** The node whose IVR holds the callers joining here: blank on one node. */
    private final String nodeName;

    // Guarded by locked.
    /** The open session; null when none is. */
    private MayorSession session;
    /**
     * The open session's callers in line order, in every state: the waiting ones are ordered among themselves
     * by the moderator, the others keep their place so the screens and the report can still show them.
     */
    private final List<MayorCaller> line = new ArrayList<>();
    private final Map<CallId, MayorCaller> byId = new HashMap<>();
    /**
     * The caller talking to the mayor, if any. Kept across closing, since a programme can end while the last
     * caller is still speaking, and the mayor is not free until they finish.
     */
    private MayorCaller onAir;
    /** The caller the moderator set to go on air next; null when none is, or they are no longer screened. */
    private MayorCaller designated;
    /** The open session's messages between the screening room and the mayor, oldest first; the last hundred. */
    private final List<LineMessage> messages = new ArrayList<>();

    /**
     * @param keeper               told of each change under the line's lock, before the change returns: the
     *                             programme's session log, so that whatever asks right after a change (a report, a
     *                             directive) finds it kept, and a deployment without any screen keeps it all the same
     * @param expectedConversation how long a conversation with the mayor is taken to last for waiting callers'
     *                             estimates, until this programme's own conversations say better
     */
    public MayorLine(Clock clock, MayorLineKeeper keeper, Duration expectedConversation) {
        this(clock, expectedConversation,
                new LockedState<>("Mayor line", Objects.requireNonNull(keeper, "keeper")::keep), null, "");
    }

    private MayorLine(Clock clock, Duration expectedConversation, LockedState<MayorLineEvent> locked,
                      SharedLine shared, String nodeName) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.expectedConversation = Objects.requireNonNull(expectedConversation, "expectedConversation");
        if (expectedConversation.isNegative() || expectedConversation.isZero()) {
            throw new IllegalArgumentException("expected conversation is not positive: " + expectedConversation);
        }
        this.locked = locked;
        this.shared = shared;
        this.nodeName = nodeName;
    }

    /**
     * The line of a cluster, shared through PostgreSQL: a caller held by any node's IVR is screened and taken from any
     * node's console (see {@link SharedLine}). Its keeper writes in each change's own transaction, so the programme's
     * record and the line commit together; a keeper that cannot write fails the change.
     *
     * @param sweepEvery how often it looks for what it may have missed and for callers of nodes that are gone
     */
    public static MayorLine shared(Clock clock, MayorLineKeeper keeper, Duration expectedConversation,
                                   PostgresDatabase database, ClusterNode node, Duration sweepEvery) {
        Objects.requireNonNull(keeper, "keeper");
        MayorLine line = new MayorLine(clock, expectedConversation, new LockedState<>("Mayor line"),
                new SharedLine(database, node, keeper), node.name());
        line.shared.start(line, sweepEvery);
        return line;
    }

    /**
     * Opens a session so callers can join.
     *
     * @throws IllegalArgumentException if the title is blank or the planned end is not after now
     * @throws IllegalStateException    if a session is already open: two at once would split the callers
     */
    public MayorSession open(String title, Instant plannedEnd, String openedBy) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(plannedEnd, "plannedEnd");
        Objects.requireNonNull(openedBy, "openedBy");
        if (title.isBlank()) {
            throw new IllegalArgumentException("session title is blank");
        }
        return change(() -> {
            if (session != null) {
                throw new IllegalStateException("session " + session.id() + " (" + session.title() + ") is still open");
            }
            Instant now = clock.instant();
            if (!plannedEnd.isAfter(now)) {
                throw new IllegalArgumentException("planned end " + plannedEnd + " is not after now (" + now + ")");
            }
            // Random, not counted: ids must not repeat after a restart once sessions are stored for reports.
            session = new MayorSession(UUID.randomUUID().toString(), title.strip(), now, plannedEnd, openedBy,
                    Optional.empty());
            // The last session's callers are only dropped now, so memory holds one session's at most.
            line.clear();
            byId.clear();
            designated = null;
            messages.clear();
            emit(new SessionOpened(now, session));
            return session;
        });
    }

    /** The open session, if any. */
    public Optional<MayorSession> current() {
        return read(() -> Optional.ofNullable(session));
    }

    /**
     * Closes the session. Callers still waiting (screened or not) are dismissed: their {@link MayorCaller#turn()}
     * turns to {@link Turn.SessionClosed}, and the IVR, looking at it as it holds, takes them to the normal
     * intake. A caller on air stays on
     * air until the conversation ends. Closing a session that is not the open one (e.g. a second click) does
     * nothing and returns no callers.
     *
     * @return the dismissed callers, in line order, as they are after dismissal
     */
    public List<MayorCallerView> close(String sessionId, String by) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(by, "by");
        return change(() -> {
            if (session == null || !session.id().equals(sessionId)) {
                return List.of();
            }
            Instant now = clock.instant();
            List<MayorCaller> dismissed = line.stream().filter(c -> c.state.isWaiting()).toList();
            for (MayorCaller caller : dismissed) {
                // Ended in turn, so each view below already shows position 0 and the final wait.
                caller.endedAt = now;
                setState(caller, ScreeningState.SESSION_CLOSED);
            }
            List<MayorCallerView> views = dismissed.stream().map(c -> view(c, now)).toList();
            views.forEach(v -> emit(new CallerChanged(now, v)));
            MayorSession closed = session.closed(now);
            session = null;
            line.clear();
            byId.clear();
            designated = null;
            messages.clear();
            emit(new SessionClosed(now, closed, by));
            return views;
        });
    }

    /**
     * Puts a caller at the back of the open session's line, awaiting screening.
     *
     * @throws IllegalStateException if no session is open (the IVR should not have offered the mayor), or the
     *                               call has already joined this session
     */
    public MayorCaller join(CallId id, MayorTopic topic) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        return change(() -> {
            if (session == null) {
                throw new IllegalStateException("no mayor session is open");
            }
            if (byId.containsKey(id)) {
                throw new IllegalStateException("call " + id + " has already joined session " + session.id());
            }
            Instant now = clock.instant();
            MayorCaller caller = new MayorCaller(this, id, topic, session.id(), now, nodeName);
            line.add(caller);
            byId.put(id, caller);
            emit(new CallerJoined(now, view(caller, now)));
            return caller;
        });
    }

    /**
     * The open session's callers in line order, in every state, so screens and the report also show those
     * rejected, gone or done; empty when no session is open.
     */
    public List<MayorCallerView> callers() {
        return read(() -> {
            Instant now = clock.instant();
            return line.stream().map(c -> view(c, now)).toList();
        });
    }

    /** A caller of the open session, in whatever state; empty if the call is not in it. */
    public Optional<MayorCallerView> caller(CallId id) {
        Objects.requireNonNull(id, "id");
        return read(() -> Optional.ofNullable(byId.get(id)).map(c -> view(c, clock.instant())));
    }

    /** The moderator lets a caller through to the mayor. Approving again is harmless and keeps the first name. */
    public ScreeningOutcome approve(CallId id, String by) {
        Objects.requireNonNull(by, "by");
        return screen(id, caller -> {
            if (!caller.state.isWaiting()) {
                return notAllowed(caller);
            }
            Instant now = clock.instant();
            if (caller.state != ScreeningState.APPROVED) {
                caller.decidedBy = by;
                setState(caller, ScreeningState.APPROVED);
                emit(new CallerChanged(now, view(caller, now)));
            }
            return new Done(view(caller, now));
        });
    }

    /**
     * The moderator turns a caller away, also one approved earlier (the mayor has not taken them yet). Their
     * {@link MayorCaller#turn()} turns to {@link Turn.Rejected}; they keep their place in the list for the report,
     * with the reason, when given, among their notes (starting {@link #REJECTED_BECAUSE}).
     */
    public ScreeningOutcome reject(CallId id, String by, Optional<String> reason) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
        return screen(id, caller -> {
            if (caller.state == ScreeningState.REJECTED) {
                return new Done(view(caller, clock.instant()));
            }
            if (!caller.state.isWaiting()) {
                return notAllowed(caller);
            }
            Instant now = clock.instant();
            caller.decidedBy = by;
            caller.endedAt = now;
            reason.map(String::strip).filter(r -> !r.isEmpty())
                    .ifPresent(why -> caller.notes.add(by + ": " + REJECTED_BECAUSE + why));
            setState(caller, ScreeningState.REJECTED);
            MayorCallerView view = view(caller, now);
            emit(new CallerChanged(now, view));
            return new Done(view);
        });
    }

    /**
     * The moderator sets who goes on air next: a screened (APPROVED) caller, taken by the mayor's next click
     * before anyone ahead of them in line. Setting another replaces the first; the moderator never puts anyone on
     * air.
     */
    public ScreeningOutcome designateNext(CallId id) {
        return screen(id, caller -> {
            if (caller.state != ScreeningState.APPROVED) {
                return notAllowed(caller);
            }
            Instant now = clock.instant();
            MayorCaller before = designated;
            designated = caller;
            if (before != null && before != caller) {
                emit(new CallerChanged(now, view(before, now)));
            }
            MayorCallerView view = view(caller, now);
            emit(new CallerChanged(now, view));
            return new Done(view);
        });
    }

    /** The caller set to go on air next, while they are still screened and waiting. */
    public Optional<CallId> designatedNext() {
        return read(() -> Optional.ofNullable(stillDesignated()).map(c -> c.id));
    }

    /**
     * How long a waiting caller may expect to wait for the mayor: what is left of the conversation on air, and one
     * conversation for each caller whose turn comes before theirs, a conversation lasting what this programme's have
     * lasted on average (before the first, the expected length). Empty for anyone not waiting.
     */
    public Optional<Duration> estimatedWait(CallId id) {
        Objects.requireNonNull(id, "id");
        return read(() -> Optional.ofNullable(byId.get(id)).flatMap(this::estimate));
    }

    /** Moves a waiting caller one place ahead of the waiting caller before them; at the front it stays. */
    public ScreeningOutcome moveUp(CallId id) {
        return screen(id, caller -> move(caller, -1));
    }

    /** Moves a waiting caller one place behind the waiting caller after them; at the back it stays. */
    public ScreeningOutcome moveDown(CallId id) {
        return screen(id, caller -> move(caller, +1));
    }

    /**
     * The moderator notes something about a caller (e.g. "asks about the metro line 2 delay"). Allowed in any
     * state: notes on a caller who hung up are still worth keeping for the report.
     *
     * @throws IllegalArgumentException if the text is blank
     */
    public ScreeningOutcome note(CallId id, String text, String by) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(by, "by");
        if (text.isBlank()) {
            throw new IllegalArgumentException("note is blank");
        }
        return screen(id, caller -> {
            Instant now = clock.instant();
            caller.notes.add(by + ": " + text.strip());
            MayorCallerView view = view(caller, now);
            emit(new CallerChanged(now, view));
            return new Done(view);
        });
    }

    /**
     * The mayor takes the next caller: the one the moderator designated, else the first APPROVED one in line order
     * (by default the one who has waited longest), goes on air, and the IVR holding
     * them, seeing {@link Turn.OnAir} at its next look, bridges them to {@code dialString}. Only one caller is on air
     * at a time, so this does nothing until the one on air has {@link MayorCaller#talked() talked}.
     */
    public NextCaller next(String mayorUsername, String dialString) {
        Objects.requireNonNull(mayorUsername, "mayorUsername");
        Objects.requireNonNull(dialString, "dialString");
        return change(() -> {
            if (session == null) {
                return new NoSession();
            }
            Instant now = clock.instant();
            if (onAir != null) {
                return new StillOnAir(view(onAir, now));
            }
            Optional<MayorCaller> first = Optional.ofNullable(stillDesignated())
                    .or(() -> line.stream().filter(c -> c.state == ScreeningState.APPROVED).findFirst());
            if (first.isEmpty()) {
                return new NoneApproved();
            }
            MayorCaller caller = first.get();
            designated = null;
            caller.mayorUsername = mayorUsername;
            caller.dialString = dialString;
            caller.onAirAt = now;
            setState(caller, ScreeningState.ON_AIR);
            onAir = caller;
            MayorCallerView view = view(caller, now);
            emit(new CallerChanged(now, view));
            return new Bridged(view);
        });
    }

    /**
     * The screening room writes to the mayor, or back; every screen of the programme, on any node, shows it.
     *
     * @throws IllegalArgumentException if the text is blank
     * @throws IllegalStateException    if no session is open: there is nobody to read it
     */
    public LineMessage say(String from, String text) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("message is blank");
        }
        return change(() -> {
            if (session == null) {
                throw new IllegalStateException("no mayor session is open");
            }
            Instant now = clock.instant();
            LineMessage message = new LineMessage(now, from, text.strip());
            messages.add(message);
            if (messages.size() > MESSAGES_KEPT) {
                messages.removeFirst();
            }
            emit(new MessageSaid(now, message));
            return message;
        });
    }

    /**
     * A caller who withheld their number told it to the moderator: every screen looks up their file and earlier
     * requests by it. A caller the network gave a number keeps that one.
     *
     * @param number the digits as the moderator typed them, already checked
     */
    public ScreeningOutcome giveNumber(CallId id, String number) {
        Objects.requireNonNull(number, "number");
        return screen(id, caller -> {
            if (caller.topic.callerNumber().isPresent()) {
                return notAllowed(caller);
            }
            Instant now = clock.instant();
            caller.givenNumber = number;
            emit(new NumberGiven(now, caller.id, number));
            return new Done(view(caller, now));
        });
    }

    /**
     * A caller file was written: while a programme is open every screen, on every node, reads its callers' files
     * again. Outside a programme no screen shows one, and nothing is said.
     */
    public void callerFileChanged(String number) {
        Objects.requireNonNull(number, "number");
        change(() -> {
            if (session != null) {
                emit(new CallerFileChanged(clock.instant(), number));
            }
            return null;
        });
    }

    /** The number a caller of the open session who withheld theirs told the moderator, if they did. */
    public Optional<String> givenNumber(CallId id) {
        Objects.requireNonNull(id, "id");
        return read(() -> Optional.ofNullable(byId.get(id)).map(c -> c.givenNumber));
    }

    /** The open session's messages, oldest first (the last {@value #MESSAGES_KEPT}); empty when none is open. */
    public List<LineMessage> messages() {
        return read(() -> List.copyOf(messages));
    }

    /** Registers a listener for every later event; close the subscription to stop. */
    public Subscription subscribe(MayorLineListener listener) {
        Objects.requireNonNull(listener, "listener");
        return locked.subscribe(listener, listener::on);
    }

    // The MayorCaller handle's operations; kept here so every use of the lock is in one class.

    int positionOf(MayorCaller caller) {
        return read(() -> position(caller));
    }

    Optional<Duration> estimateOf(MayorCaller caller) {
        return read(() -> estimate(caller));
    }

    int placeInTurnOf(MayorCaller caller) {
        return read(() -> turnOrder().indexOf(caller) + 1);
    }

    ScreeningState stateOf(MayorCaller caller) {
        return read(() -> caller.state);
    }

    MayorCallerView viewOf(MayorCaller caller) {
        return read(() -> view(caller, clock.instant()));
    }

    Turn turnOf(MayorCaller caller) {
        return read(() -> {
            return switch (caller.state) {
                case AWAITING_SCREENING, APPROVED -> new Turn.StillWaiting();
                // TALKED too: an IVR asking late still learns where the caller was bridged.
                case ON_AIR, TALKED -> new Turn.OnAir(caller.mayorUsername, caller.dialString);
                case REJECTED -> new Turn.Rejected(caller.decidedBy);
                case SESSION_CLOSED -> new Turn.SessionClosed();
                case ABANDONED -> new Turn.HungUp();
            };
        });
    }

    void abandon(MayorCaller caller) {
        change(() -> {
            hungUp(caller, clock.instant());
            return null;
        });
    }

    void recordedAs(MayorCaller caller, String file) {
        change(() -> {
            if (caller.state != ScreeningState.ON_AIR && caller.state != ScreeningState.TALKED) {
                throw new IllegalStateException("caller " + caller.id + " never talked to the mayor (" + caller.state
                        + ")");
            }
            Instant now = clock.instant();
            caller.conversationRecording = file;
            emit(new CallerChanged(now, view(caller, now)));
            return null;
        });
    }

    void notRecorded(MayorCaller caller) {
        change(() -> {
            if (caller.conversationRecording == null) {
                return null;
            }
            Instant now = clock.instant();
            caller.conversationRecording = null;
            emit(new CallerChanged(now, view(caller, now)));
            return null;
        });
    }

    void notReached(MayorCaller caller) {
        change(() -> {
            if (caller.state != ScreeningState.ON_AIR) {
                return null;
            }
            Instant now = clock.instant();
            if (session == null || !session.id().equals(caller.sessionId)) {
                // The programme closed while the mayor's phone rang: nobody is left to take them.
                caller.endedAt = now;
                setState(caller, ScreeningState.SESSION_CLOSED);
            } else {
                // First in line, so the next click reaches them before anyone approved later.
                line.remove(caller);
                line.addFirst(caller);
                setState(caller, ScreeningState.APPROVED);
            }
            caller.onAirAt = null;
            caller.mayorUsername = null;
            caller.dialString = null;
            caller.conversationRecording = null;
            if (onAir == caller) {
                onAir = null;
            }
            emit(new CallerChanged(now, view(caller, now)));
            return null;
        });
    }

    void hungUpBeforeAnswer(MayorCaller caller) {
        change(() -> {
            if (caller.state != ScreeningState.ON_AIR) {
                return null;
            }
            Instant now = clock.instant();
            caller.endedAt = now;
            caller.conversationRecording = null;
            setState(caller, ScreeningState.ABANDONED);
            if (onAir == caller) {
                onAir = null;
            }
            emit(new CallerLeft(now, view(caller, now)));
            return null;
        });
    }

    void talked(MayorCaller caller) {
        change(() -> {
            switch (caller.state) {
                case ON_AIR -> endConversation(caller, clock.instant());
                case TALKED -> {
                    // Already over; the IVR may report the end from both legs of the bridge.
                }
                default -> throw new IllegalStateException(
                        "caller " + caller.id + " was never on air (" + caller.state + ")");
            }
            return null;
        });
    }

    /**
     * Takes off the callers held by the nodes named, which hold them no more (a node died, or this one restarted):
     * a waiting caller leaves as gone, and a conversation on air ends, so the mayor is free for the next caller.
     */
    void takeOff(Set<String> nodes) {
        change(() -> {
            Instant now = clock.instant();
            List<MayorCaller> held = new ArrayList<>(line);
            if (onAir != null && !byId.containsKey(onAir.id)) {
                held.add(onAir);
            }
            for (MayorCaller caller : held) {
                boolean onTheLine = caller.state.isWaiting() || caller.state == ScreeningState.ON_AIR;
                if (onTheLine && nodes.contains(caller.node)) {
                    log.warn("mayor's caller {} was held by node {}, which holds it no more: taken off the line",
                            caller.id, caller.node);
                    hungUp(caller, now);
                }
            }
            return null;
        });
    }

    /** Whether a caller of any of these nodes is still waiting or on air. */
    boolean holdsCallersOf(Set<String> nodes) {
        return locked.read(() -> line.stream().anyMatch(c -> nodes.contains(c.node) && c.state.isWaiting())
                || onAir != null && nodes.contains(onAir.node));
    }

    /** Stops sharing the line with the cluster (a node stopping); one alone has nothing to stop. */
    @Override
    public void close() throws InterruptedException {
        if (shared != null) {
            shared.close();
        }
    }

    // How the lock is taken: on this node alone, or on a shared line under the cluster's too.

    private <T> T change(Supplier<T> action) {
        return shared == null ? locked.change(action) : shared.change(action);
    }

    private <T> T read(Supplier<T> view) {
        return locked.read(view);
    }

    /** Runs a shared line's work under this node's lock, its events told after. */
    <T> T underLock(Supplier<T> work) {
        return locked.change(work);
    }

    /** Runs a shared line's change under this node's lock; its events are told by {@link #tell} once committed. */
    <T> T underLockUntold(Supplier<T> work, long[] through) {
        return locked.changeUntold(work, through);
    }

    void tell(long through) {
        locked.tell(through);
    }

    /**
     * Whether a caller this node's IVR let go of (hung up, talked) is still waiting or on air: the report of the end
     * failed to be written (a shared line's transaction refused), so the line still shows them.
     */
    boolean hasUnsettledEnds() {
        return locked.read(() -> !unsettledEnds().isEmpty());
    }

    /** Writes the ends the IVR reported and the line did not take. */
    void settleEnds() {
        change(() -> {
            Instant now = clock.instant();
            for (MayorCaller caller : unsettledEnds()) {
                log.warn("mayor's caller {} ended earlier; the line takes it now", caller.id);
                hungUp(caller, now);
            }
            return null;
        });
    }

    private List<MayorCaller> unsettledEnds() {
        List<MayorCaller> ended = new ArrayList<>();
        for (MayorCaller caller : handles().values()) {
            boolean onTheLine = caller.state.isWaiting() || caller.state == ScreeningState.ON_AIR;
            if (caller.letGo && onTheLine && caller.node.equals(nodeName)) {
                ended.add(caller);
            }
        }
        return ended;
    }

    /** The callers' handles on this node: the open session's and the one on air, by call. */
    Map<CallId, MayorCaller> handles() {
        Map<CallId, MayorCaller> handles = new HashMap<>(byId);
        if (onAir != null) {
            handles.putIfAbsent(onAir.id, onAir);
        }
        return handles;
    }

    // A shared line's copy on this node, under the lock.

    List<MayorLineEvent> made() {
        return locked.made();
    }

    void relay(MayorLineEvent event) {
        locked.relay(event);
    }

    LineSnapshot snapshot() {
        return new LineSnapshot(Optional.ofNullable(session), line.stream().map(MayorCaller::held).toList(),
                Optional.ofNullable(onAir).map(MayorCaller::held), Optional.ofNullable(designated).map(c -> c.id),
                List.copyOf(messages));
    }

    /**
     * Makes this node's copy what a change left (another node's, or, after a change failed, what it was before). The
     * handles stay the same objects, since an IVR here holds them: those of the line now and {@code handlesToo} (the
     * line's before a failed change). A caller gone from the line while waiting was dismissed by the programme's end.
     */
    void restore(LineSnapshot snapshot, Map<CallId, MayorCaller> handlesToo) {
        Map<CallId, MayorCaller> known = new HashMap<>(handlesToo);
        known.putAll(handles());
        session = snapshot.session().orElse(null);
        line.clear();
        byId.clear();
        for (HeldCaller held : snapshot.callers()) {
            MayorCaller caller = known(known, held);
            line.add(caller);
            byId.put(caller.id, caller);
        }
        onAir = snapshot.onAir().map(held -> byId.containsKey(held.id()) ? byId.get(held.id()) : known(known, held))
                .orElse(null);
        designated = snapshot.designated().map(byId::get).orElse(null);
        messages.clear();
        messages.addAll(snapshot.messages());
        Instant now = clock.instant();
        for (MayorCaller gone : known.values()) {
            if (gone.state.isWaiting()) {
                gone.endedAt = now;
                setState(gone, ScreeningState.SESSION_CLOSED);
            } else if (gone.state == ScreeningState.ON_AIR) {
                gone.endedAt = now;
                setState(gone, ScreeningState.TALKED);
            }
        }
    }

    private MayorCaller known(Map<CallId, MayorCaller> known, HeldCaller held) {
        MayorCaller caller = known.remove(held.id());
        if (caller == null) {
            return new MayorCaller(this, held);
        }
        caller.take(held);
        return caller;
    }

    // Everything below runs under the lock.

    private MayorCaller stillDesignated() {
        return designated != null && designated.state == ScreeningState.APPROVED ? designated : null;
    }

    /** The waiting callers in the order the mayor's clicks will take them: the designated one first, then the line. */
    private List<MayorCaller> turnOrder() {
        MayorCaller first = stillDesignated();
        List<MayorCaller> order = new ArrayList<>();
        if (first != null) {
            order.add(first);
        }
        for (MayorCaller caller : line) {
            if (caller != first && caller.state.isWaiting()) {
                order.add(caller);
            }
        }
        return order;
    }

    private Optional<Duration> estimate(MayorCaller caller) {
        int before = turnOrder().indexOf(caller);
        if (before < 0) {
            return Optional.empty();
        }
        long talked = 0;
        Duration total = Duration.ZERO;
        for (MayorCaller other : line) {
            if (other.state == ScreeningState.TALKED && other.onAirAt != null && other.endedAt != null) {
                talked++;
                total = total.plus(Duration.between(other.onAirAt, other.endedAt));
            }
        }
        Duration each = talked == 0 ? expectedConversation : total.dividedBy(talked);
        Duration left = Duration.ZERO;
        if (onAir != null && onAir.onAirAt != null) {
            Duration going = Duration.between(onAir.onAirAt, clock.instant());
            left = going.compareTo(each) >= 0 ? Duration.ZERO : each.minus(going);
        }
        return Optional.of(left.plus(each.multipliedBy(before)));
    }

    private ScreeningOutcome screen(CallId id, Function<MayorCaller, ScreeningOutcome> action) {
        Objects.requireNonNull(id, "id");
        return change(() -> {
            MayorCaller caller = byId.get(id);
            return caller == null ? new NotInLine(id) : action.apply(caller);
        });
    }

    /** Swaps the caller with the nearest waiting caller in {@code step}'s direction, skipping those not waiting. */
    private ScreeningOutcome move(MayorCaller caller, int step) {
        if (!caller.state.isWaiting()) {
            return notAllowed(caller);
        }
        Instant now = clock.instant();
        int from = line.indexOf(caller);
        for (int to = from + step; to >= 0 && to < line.size(); to += step) {
            MayorCaller other = line.get(to);
            if (other.state.isWaiting()) {
                Collections.swap(line, from, to);
                // Only these two positions change, so a screen applying both events has the whole order.
                emit(new CallerChanged(now, view(caller, now)));
                emit(new CallerChanged(now, view(other, now)));
                break;
            }
        }
        return new Done(view(caller, now));
    }

    private void hungUp(MayorCaller caller, Instant now) {
        if (caller.state.isWaiting()) {
            caller.endedAt = now;
            setState(caller, ScreeningState.ABANDONED);
            emit(new CallerLeft(now, view(caller, now)));
        } else if (caller.state == ScreeningState.ON_AIR) {
            endConversation(caller, now);
        }
    }

    private void endConversation(MayorCaller caller, Instant now) {
        caller.endedAt = now;
        setState(caller, ScreeningState.TALKED);
        if (onAir == caller) {
            onAir = null;
        }
        emit(new CallerChanged(now, view(caller, now)));
    }

    private static void setState(MayorCaller caller, ScreeningState state) {
        caller.state = state;
    }

    private NotAllowed notAllowed(MayorCaller caller) {
        return new NotAllowed(caller.id, caller.state);
    }

    private int position(MayorCaller caller) {
        if (!caller.state.isWaiting()) {
            return 0;
        }
        // A waiting caller is always in the open session's line; a few hundred callers at most, so counting is cheap.
        int position = 1;
        for (MayorCaller other : line) {
            if (other == caller) {
                return position;
            }
            if (other.state.isWaiting()) {
                position++;
            }
        }
        throw new IllegalStateException("waiting caller " + caller.id + " is not in the line");
    }

    private MayorCallerView view(MayorCaller caller, Instant now) {
        Instant until = caller.onAirAt != null ? caller.onAirAt : caller.endedAt != null ? caller.endedAt : now;
        Duration waited = Duration.between(caller.joinedAt, until);
        // A wall clock stepped back must not make a caller's wait negative.
        if (waited.isNegative()) {
            waited = Duration.ZERO;
        }
        return new MayorCallerView(caller.id, caller.topic, caller.state, caller.joinedAt, waited,
                position(caller), caller.notes, Optional.ofNullable(caller.decidedBy),
                Optional.ofNullable(caller.onAirAt), Optional.ofNullable(caller.endedAt), caller.sessionId,
                Optional.ofNullable(caller.mayorUsername), Optional.ofNullable(caller.conversationRecording));
    }

    private void emit(MayorLineEvent event) {
        locked.emit(event);
    }


}
