package ir.hotline137.switchboard;

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
import ir.hotline137.switchboard.WaitingCall.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The live state of calls waiting for a person and of the agents who take them: the one place where the
 * IVR (putting callers on hold) and the console (agents accepting) meet.
 *
 * <p>One lock guards everything. Each change is a few map operations, so it is held only briefly, and a
 * single lock makes every decision (who gets a call, whether a time-out or an acceptance came first)
 * plainly atomic. Events are collected under the lock, in the
 * order of the changes, and handed to listeners after it is released, so a slow or re-entrant listener can
 * neither block nor deadlock the switchboard.
 */
public final class Switchboard {

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    /** Calls waiting, by the order they first joined; a call that comes back keeps its old key. */
    private final TreeMap<Long, WaitingCall> queue = new TreeMap<>();
    /** Every call that is waiting or assigned; finished calls are dropped so memory does not grow. */
    private final Map<CallId, WaitingCall> live = new HashMap<>();
    /** By username, so agent lists come out in a stable order. */
    private final Map<String, AgentState> agents = new TreeMap<>();
    private long nextSequence;

    private final OrderedEvents<SwitchboardEvent> events = new OrderedEvents<>("Switchboard");

    public Switchboard(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Puts a caller at the back of the queue.
     *
     * @throws IllegalStateException if a call with this id is already on the switchboard
     */
    public WaitingCall enqueue(CallId id, GatheredInfo info) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(info, "info");
        return change(() -> {
            if (live.containsKey(id)) {
                throw new IllegalStateException("call " + id + " is already on the switchboard");
            }
            Instant now = clock.instant();
            WaitingCall call = new WaitingCall(this, id, info, nextSequence++, now, lock.newCondition());
            queue.put(call.sequence, call);
            live.put(id, call);
            emit(new CallWaiting(now, viewOf(call, now)));
            return call;
        });
    }

    /** The calls still waiting (not those already accepted), first in line first. */
    public List<WaitingCallView> waitingCalls() {
        lock.lock();
        try {
            Instant now = clock.instant();
            List<WaitingCallView> views = new ArrayList<>(queue.size());
            int position = 1;
            for (WaitingCall call : queue.values()) {
                views.add(new WaitingCallView(call.id, call.info, call.enqueuedAt, position++,
                        waited(call, now), Optional.empty()));
            }
            return views;
        } finally {
            lock.unlock();
        }
    }

    /** A call still on the switchboard, waiting or taken by an agent; empty once it has gone. */
    public Optional<WaitingCallView> call(CallId id) {
        Objects.requireNonNull(id, "id");
        lock.lock();
        try {
            return Optional.ofNullable(live.get(id)).map(call -> viewOf(call, clock.instant()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * An agent takes a waiting call. Of any number of agents accepting the same call at once exactly one gets
     * {@link Accepted}; the others learn who won. On success the agent is BUSY with this call and the IVR,
     * waiting in {@link WaitingCall#awaitAssignment}, wakes up to ring the agent's phone.
     */
    public AcceptOutcome accept(CallId id, String agentUsername) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentUsername, "agentUsername");
        return change(() -> {
            AgentState agent = agents.get(agentUsername);
            if (agent == null) {
                return new UnknownAgent(agentUsername);
            }
            WaitingCall call = live.get(id);
            if (call == null) {
                return new NoLongerWaiting(id);
            }
            if (call.state == State.ASSIGNED) {
                return new TakenByOther(call.agent.username());
            }
            if (agent.presence != Presence.AVAILABLE) {
                return new AgentNotAvailable(agentUsername, agent.presence);
            }
            Instant now = clock.instant();
            queue.remove(call.sequence);
            call.state = State.ASSIGNED;
            call.agent = agent.agent;
            call.leftQueueAt = now;
            call.changed.signalAll();
            agent.presence = Presence.BUSY;
            agent.currentCall = id;
            emit(new CallAssigned(now, id, agentUsername));
            emit(new CallLeftQueue(now, id, LeaveReason.ASSIGNED));
            emit(new AgentPresenceChanged(now, agent.view()));
            return new Accepted(viewOf(call, now), agent.agent);
        });
    }

    /**
     * Signs an agent in as AVAILABLE. Signing in again (a reloaded console) only updates the name and dial
     * string: it must not drop the call they are on or end a break they chose.
     */
    public AgentView signIn(Agent agent) {
        Objects.requireNonNull(agent, "agent");
        return change(() -> {
            AgentState state = agents.get(agent.username());
            if (state == null) {
                state = new AgentState(agent);
                agents.put(agent.username(), state);
            } else if (state.agent.equals(agent)) {
                return state.view();
            } else {
                state.agent = agent;
            }
            emit(new AgentPresenceChanged(clock.instant(), state.view()));
            return state.view();
        });
    }

    /**
     * Signs an agent out; unknown names are ignored, so signing out twice is harmless.
     *
     * @throws IllegalStateException while the agent is on a call: the call would be left with nobody
     */
    public void signOut(String username) {
        Objects.requireNonNull(username, "username");
        change(() -> {
            AgentState state = agents.get(username);
            if (state == null) {
                return null;
            }
            if (state.presence == Presence.BUSY) {
                throw new IllegalStateException("agent " + username + " is on call " + state.currentCall
                        + " and cannot sign out until it ends");
            }
            agents.remove(username);
            emit(new AgentSignedOut(clock.instant(), username));
            return null;
        });
    }

    /**
     * An agent goes AWAY or comes back AVAILABLE.
     *
     * @throws IllegalArgumentException for BUSY (only accepting a call makes an agent busy) or an agent who is
     *                                  not signed in
     * @throws IllegalStateException    while the agent is on a call
     */
    public void setPresence(String username, Presence presence) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(presence, "presence");
        if (presence == Presence.BUSY) {
            throw new IllegalArgumentException("an agent becomes BUSY only by accepting a call");
        }
        change(() -> {
            AgentState state = agents.get(username);
            if (state == null) {
                throw new IllegalArgumentException("no agent is signed in as " + username);
            }
            if (state.presence == Presence.BUSY) {
                throw new IllegalStateException("agent " + username + " is on call " + state.currentCall);
            }
            if (state.presence != presence) {
                state.presence = presence;
                emit(new AgentPresenceChanged(clock.instant(), state.view()));
            }
            return null;
        });
    }

    /** The signed-in agents, by username. */
    public List<AgentView> agents() {
        lock.lock();
        try {
            return agents.values().stream().map(AgentState::view).toList();
        } finally {
            lock.unlock();
        }
    }

    public Optional<AgentView> agent(String username) {
        Objects.requireNonNull(username, "username");
        lock.lock();
        try {
            return Optional.ofNullable(agents.get(username)).map(AgentState::view);
        } finally {
            lock.unlock();
        }
    }

    /** Registers a listener for every later event; close the subscription to stop. */
    public Subscription subscribe(SwitchboardListener listener) {
        Objects.requireNonNull(listener, "listener");
        return events.subscribe(listener, listener::on);
    }

    // The WaitingCall handle's operations; kept here so every use of the lock is in one class.

    int positionOf(WaitingCall call) {
        lock.lock();
        try {
            // headMap(..).size() walks the entries ahead: a few thousand steps at most, every ~30 s per caller.
            return call.state == State.WAITING ? queue.headMap(call.sequence, false).size() + 1 : 0;
        } finally {
            lock.unlock();
        }
    }

    Duration waitedOf(WaitingCall call) {
        lock.lock();
        try {
            return waited(call, clock.instant());
        } finally {
            lock.unlock();
        }
    }

    Optional<Agent> assignedAgentOf(WaitingCall call) {
        lock.lock();
        try {
            return assignedAgent(call);
        } finally {
            lock.unlock();
        }
    }

    Optional<Agent> awaitAssignmentOf(WaitingCall call, Duration max) throws InterruptedException {
        long nanos = TimeUnit.NANOSECONDS.convert(max);
        lock.lockInterruptibly();
        try {
            while (call.state == State.WAITING && nanos > 0) {
                nanos = call.changed.awaitNanos(nanos);
            }
            return assignedAgent(call);
        } finally {
            lock.unlock();
        }
    }

    void abandon(WaitingCall call) {
        change(() -> {
            if (call.state != State.WAITING && call.state != State.ASSIGNED) {
                return null;
            }
            Instant now = clock.instant();
            State was = call.state;
            if (was == State.WAITING) {
                queue.remove(call.sequence);
                call.leftQueueAt = now;
            }
            finish(call, State.ABANDONED);
            emit(new CallLeftQueue(now, call.id, LeaveReason.ABANDONED));
            if (was == State.ASSIGNED) {
                release(call, Presence.AVAILABLE, now);
            }
            return null;
        });
    }

    boolean timeOut(WaitingCall call) {
        return change(() -> switch (call.state) {
            case WAITING -> {
                Instant now = clock.instant();
                queue.remove(call.sequence);
                call.leftQueueAt = now;
                finish(call, State.TIMED_OUT);
                emit(new CallLeftQueue(now, call.id, LeaveReason.TIMED_OUT));
                yield true;
            }
            case ASSIGNED, ENDED -> false;
            case ABANDONED, TIMED_OUT -> true;
        });
    }

    void bridgeFailed(WaitingCall call) {
        change(() -> {
            if (call.state != State.ASSIGNED) {
                throw new IllegalStateException("call " + call.id + " has no agent to have failed (" + call.state + ")");
            }
            Instant now = clock.instant();
            queue.put(call.sequence, call);
            call.state = State.WAITING;
            call.leftQueueAt = null;
            call.changed.signalAll();
            emit(new CallReturned(now, call.id, call.agent.username()));
            release(call, Presence.AWAY, now);
            call.agent = null;
            return null;
        });
    }

    void bridgeEnded(WaitingCall call) {
        change(() -> {
            if (call.state == State.ENDED) {
                return null;
            }
            if (call.state != State.ASSIGNED) {
                throw new IllegalStateException("call " + call.id + " was never bridged to an agent (" + call.state + ")");
            }
            Instant now = clock.instant();
            finish(call, State.ENDED);
            emit(new CallEnded(now, call.id, call.agent.username()));
            release(call, Presence.AVAILABLE, now);
            return null;
        });
    }

    // Everything below runs under the lock.

    private void finish(WaitingCall call, State end) {
        call.state = end;
        live.remove(call.id);
        call.changed.signalAll();
    }

    /** Frees the agent holding the call, unless (defensively) they have moved on to another call. */
    private void release(WaitingCall call, Presence next, Instant now) {
        AgentState agent = agents.get(call.agent.username());
        if (agent != null && call.id.equals(agent.currentCall)) {
            agent.presence = next;
            agent.currentCall = null;
            emit(new AgentPresenceChanged(now, agent.view()));
        }
    }

    private static Optional<Agent> assignedAgent(WaitingCall call) {
        return call.state == State.ASSIGNED || call.state == State.ENDED ? Optional.of(call.agent) : Optional.empty();
    }

    private WaitingCallView viewOf(WaitingCall call, Instant now) {
        int position = call.state == State.WAITING ? queue.headMap(call.sequence, false).size() + 1 : 0;
        return new WaitingCallView(call.id, call.info, call.enqueuedAt, position, waited(call, now),
                assignedAgent(call).map(Agent::username));
    }

    private static Duration waited(WaitingCall call, Instant now) {
        Duration waited = Duration.between(call.enqueuedAt, call.leftQueueAt != null ? call.leftQueueAt : now);
        // A wall clock stepped back must not make a caller's wait negative.
        return waited.isNegative() ? Duration.ZERO : waited;
    }

    private void emit(SwitchboardEvent event) {
        events.add(event);
    }

    /** Runs a change under the lock, then delivers the events it made (and any others waiting) without it. */
    private <T> T change(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
            events.deliver();
        }
    }

    /** A signed-in agent's mutable state; guarded by the switchboard's lock. */
    private static final class AgentState {
        Agent agent;
        Presence presence = Presence.AVAILABLE;
        CallId currentCall;

        AgentState(Agent agent) {
            this.agent = agent;
        }

        AgentView view() {
            return new AgentView(agent, presence, Optional.ofNullable(currentCall));
        }
    }
}
