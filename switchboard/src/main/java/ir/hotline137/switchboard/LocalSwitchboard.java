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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The switchboard of a hotline on one node, in memory: a restart drops the calls with it, as it drops the calls
 * themselves.
 *
 * <p>Guarded as every live line is, by one {@link LockedState}: each change is a few map operations under its
 * lock, which makes every decision (who gets a call, whether a time-out or an acceptance came first) plainly
 * atomic, and its events reach the listeners in order after the lock is let go.
 */
public final class LocalSwitchboard implements Switchboard {

    private final Clock clock;
    private final LockedState<SwitchboardEvent> locked = new LockedState<>("Switchboard");

    // Guarded by locked.
    /** Calls waiting, by the order they first joined; a call that comes back keeps its old key. */
    private final TreeMap<Long, LocalCall> queue = new TreeMap<>();
    /** Every call that is waiting or assigned; finished calls are dropped so memory does not grow. */
    private final Map<CallId, LocalCall> live = new HashMap<>();
    /** By username, so agent lists come out in a stable order. */
    private final Map<String, AgentState> agents = new TreeMap<>();
    private long nextSequence;


    public LocalSwitchboard(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public WaitingCall enqueue(CallId id, GatheredInfo info) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(info, "info");
        return locked.change(() -> {
            if (live.containsKey(id)) {
                throw new IllegalStateException("call " + id + " is already on the switchboard");
            }
            Instant now = clock.instant();
            LocalCall call = new LocalCall(id, info, nextSequence++, now);
            queue.put(call.sequence, call);
            live.put(id, call);
            emit(new CallWaiting(now, viewOf(call, now)));
            return call;
        });
    }

    @Override
    public List<WaitingCallView> waitingCalls() {
        return locked.read(() -> {
            Instant now = clock.instant();
            List<WaitingCallView> views = new ArrayList<>(queue.size());
            int position = 1;
            for (LocalCall call : queue.values()) {
                views.add(new WaitingCallView(call.id, call.info, call.enqueuedAt, position++,
                        waited(call, now), Optional.empty()));
            }
            return views;
        });
    }

    @Override
    public Optional<WaitingCallView> call(CallId id) {
        Objects.requireNonNull(id, "id");
        return locked.read(() -> Optional.ofNullable(live.get(id)).map(call -> viewOf(call, clock.instant())));
    }

    @Override
    public AcceptOutcome accept(CallId id, String agentUsername) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentUsername, "agentUsername");
        return locked.change(() -> {
            AgentState agent = agents.get(agentUsername);
            if (agent == null) {
                return new UnknownAgent(agentUsername);
            }
            LocalCall call = live.get(id);
            if (call == null) {
                return new NoLongerWaiting(id);
            }
            if (call.state == CallState.ASSIGNED) {
                return new TakenByOther(call.agent.username());
            }
            if (agent.presence != Presence.AVAILABLE) {
                return new AgentNotAvailable(agentUsername, agent.presence);
            }
            Instant now = clock.instant();
            queue.remove(call.sequence);
            call.state = CallState.ASSIGNED;
            call.agent = agent.agent;
            call.leftQueueAt = now;
            agent.presence = Presence.BUSY;
            agent.awayReason = null;
            agent.currentCall = id;
            emit(new CallAssigned(now, id, agentUsername));
            emit(new CallLeftQueue(now, id, LeaveReason.ASSIGNED));
            emit(new AgentPresenceChanged(now, agent.view()));
            return new Accepted(viewOf(call, now), agent.agent);
        });
    }

    @Override
    public AgentView signIn(Agent agent) {
        Objects.requireNonNull(agent, "agent");
        return locked.change(() -> {
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

    @Override
    public void signOut(String username) {
        Objects.requireNonNull(username, "username");
        locked.change(() -> {
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

    /** Every agent signed in through this node. */
    @Override
    public void signOutHere(String username) {
        signOut(username);
    }

    @Override
    public void setAvailable(String username) {
        changePresence(username, Presence.AVAILABLE, null);
    }

    @Override
    public void goAway(String username, AwayReason reason) {
        AwayReason.requireChosen(reason);
        changePresence(username, Presence.AWAY, reason);
    }

    private void changePresence(String username, Presence presence, AwayReason reason) {
        Objects.requireNonNull(username, "username");
        locked.change(() -> {
            AgentState state = agents.get(username);
            if (state == null) {
                throw new IllegalArgumentException("no agent is signed in as " + username);
            }
            if (state.presence == Presence.BUSY) {
                throw new IllegalStateException("agent " + username + " is on call " + state.currentCall);
            }
            if (state.presence != presence || state.awayReason != reason) {
                state.presence = presence;
                state.awayReason = reason;
                emit(new AgentPresenceChanged(clock.instant(), state.view()));
            }
            return null;
        });
    }

    @Override
    public List<AgentView> agents() {
        return locked.read(() -> agents.values().stream().map(AgentState::view).toList());
    }

    @Override
    public Optional<AgentView> agent(String username) {
        Objects.requireNonNull(username, "username");
        return locked.read(() -> Optional.ofNullable(agents.get(username)).map(AgentState::view));
    }

    @Override
    public List<AgentView> agentsHere() {
        return agents();
    }

    @Override
    public Subscription subscribe(SwitchboardListener listener) {
        Objects.requireNonNull(listener, "listener");
        return locked.subscribe(listener, listener::on);
    }

    /** Every change is made here. */
    @Override
    public Subscription subscribeHere(SwitchboardListener listener) {
        return subscribe(listener);
    }

    // The LocalCall handle's operations; kept here so every use of the lock is in one class.

    private int positionOf(LocalCall call) {
        return locked.read(() -> {
            // headMap(..).size() walks the entries ahead: a few thousand steps at most, every ~30 s per caller.
            return call.state == CallState.WAITING ? queue.headMap(call.sequence, false).size() + 1 : 0;
        });
    }

    private Duration waitedOf(LocalCall call) {
        return locked.read(() -> waited(call, clock.instant()));
    }

    private Optional<Agent> assignedAgentOf(LocalCall call) {
        return locked.read(() -> assignedAgent(call));
    }

    private void abandon(LocalCall call) {
        locked.change(() -> {
            if (call.state != CallState.WAITING && call.state != CallState.ASSIGNED) {
                return null;
            }
            Instant now = clock.instant();
            CallState was = call.state;
            if (was == CallState.WAITING) {
                queue.remove(call.sequence);
                call.leftQueueAt = now;
            }
            finish(call, CallState.ABANDONED);
            emit(new CallLeftQueue(now, call.id, LeaveReason.ABANDONED));
            if (was == CallState.ASSIGNED) {
                release(call, null, now);
            }
            return null;
        });
    }

    private boolean timeOut(LocalCall call) {
        return locked.change(() -> switch (call.state) {
            case WAITING -> {
                Instant now = clock.instant();
                queue.remove(call.sequence);
                call.leftQueueAt = now;
                finish(call, CallState.TIMED_OUT);
                emit(new CallLeftQueue(now, call.id, LeaveReason.TIMED_OUT));
                yield true;
            }
            case ASSIGNED, ENDED -> false;
            case ABANDONED, TIMED_OUT -> true;
        });
    }

    private void bridgeFailed(LocalCall call) {
        locked.change(() -> {
            if (call.state != CallState.ASSIGNED) {
                throw new IllegalStateException("call " + call.id + " has no agent to have failed (" + call.state + ")");
            }
            Instant now = clock.instant();
            queue.put(call.sequence, call);
            call.state = CallState.WAITING;
            call.leftQueueAt = null;
            emit(new CallReturned(now, call.id, call.agent.username()));
            release(call, AwayReason.NO_ANSWER, now);
            call.agent = null;
            return null;
        });
    }

    private void bridgeEnded(LocalCall call) {
        locked.change(() -> {
            if (call.state == CallState.ENDED) {
                return null;
            }
            if (call.state != CallState.ASSIGNED) {
                throw new IllegalStateException("call " + call.id + " was never bridged to an agent (" + call.state + ")");
            }
            Instant now = clock.instant();
            finish(call, CallState.ENDED);
            emit(new CallEnded(now, call.id, call.agent.username()));
            release(call, null, now);
            return null;
        });
    }

    // Everything below runs under the lock.

    private void finish(LocalCall call, CallState end) {
        call.state = end;
        live.remove(call.id);
    }

    /**
     * Frees the agent holding the call, AVAILABLE or AWAY for the reason given, unless (defensively) they have
     * moved on to another call.
     */
    private void release(LocalCall call, AwayReason away, Instant now) {
        AgentState agent = agents.get(call.agent.username());
        if (agent != null && call.id.equals(agent.currentCall)) {
            agent.presence = away == null ? Presence.AVAILABLE : Presence.AWAY;
            agent.awayReason = away;
            agent.currentCall = null;
            emit(new AgentPresenceChanged(now, agent.view()));
        }
    }

    private static Optional<Agent> assignedAgent(LocalCall call) {
        return call.state == CallState.ASSIGNED || call.state == CallState.ENDED ? Optional.of(call.agent) : Optional.empty();
    }

    private WaitingCallView viewOf(LocalCall call, Instant now) {
        int position = call.state == CallState.WAITING ? queue.headMap(call.sequence, false).size() + 1 : 0;
        return new WaitingCallView(call.id, call.info, call.enqueuedAt, position, waited(call, now),
                assignedAgent(call).map(Agent::username));
    }

    private static Duration waited(LocalCall call, Instant now) {
        Duration waited = Duration.between(call.enqueuedAt, call.leftQueueAt != null ? call.leftQueueAt : now);
        // A wall clock stepped back must not make a caller's wait negative.
        return waited.isNegative() ? Duration.ZERO : waited;
    }

    private void emit(SwitchboardEvent event) {
        locked.emit(event);
    }


    /** The handle of a call on this switchboard, with its state; the state is guarded by the switchboard's lock. */
    private final class LocalCall extends CallHandle {
        /** Its place in the queue for good: a call that comes back after a failed bridge goes back here. */
        final long sequence;
        CallState state = CallState.WAITING;
        /** The accepting agent as they were when they accepted, so the dial string cannot change under the IVR. */
        Agent agent;
        /** When the call last stopped waiting; null while it waits, so {@link #waited()} keeps growing. */
        Instant leftQueueAt;

        LocalCall(CallId id, GatheredInfo info, long sequence, Instant enqueuedAt) {
            super(id, info, enqueuedAt);
            this.sequence = sequence;
        }

        @Override
        public int position() {
            return positionOf(this);
        }

        @Override
        public Duration waited() {
            return waitedOf(this);
        }

        @Override
        public Optional<Agent> assignedAgent() {
            return assignedAgentOf(this);
        }

        @Override
        public void abandon() {
            LocalSwitchboard.this.abandon(this);
        }

        @Override
        public boolean timeOut() {
            return LocalSwitchboard.this.timeOut(this);
        }

        @Override
        public void bridgeFailed() {
            LocalSwitchboard.this.bridgeFailed(this);
        }

        @Override
        public void bridgeEnded() {
            LocalSwitchboard.this.bridgeEnded(this);
        }
    }

    /** A signed-in agent's mutable state; guarded by the switchboard's lock. */
    private static final class AgentState {
        Agent agent;
        Presence presence = Presence.AVAILABLE;
        CallId currentCall;
        AwayReason awayReason;

        AgentState(Agent agent) {
            this.agent = agent;
        }

        AgentView view() {
            return new AgentView(agent, presence, Optional.ofNullable(currentCall), Optional.ofNullable(awayReason));
        }
    }
}
