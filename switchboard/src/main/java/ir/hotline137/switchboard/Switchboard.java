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
import java.util.TreeMap;

/**
 * The live state of calls waiting for a person and of the agents who take them: the one place where the
 * IVR (putting callers on hold) and the console (agents accepting) meet.
 *
 * <p>Guarded as every live line is, by one {@link LockedState}: each change is a few map operations under its
 * lock, which makes every decision (who gets a call, whether a time-out or an acceptance came first) plainly
 * atomic, and its events reach the listeners in order after the lock is let go.
 */
public final class Switchboard {

    private final Clock clock;
    private final LockedState<SwitchboardEvent> locked = new LockedState<>("Switchboard");

    // Guarded by locked.
    /** Calls waiting, by the order they first joined; a call that comes back keeps its old key. */
    private final TreeMap<Long, WaitingCall> queue = new TreeMap<>();
    /** Every call that is waiting or assigned; finished calls are dropped so memory does not grow. */
    private final Map<CallId, WaitingCall> live = new HashMap<>();
    /** By username, so agent lists come out in a stable order. */
    private final Map<String, AgentState> agents = new TreeMap<>();
    private long nextSequence;


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
        return locked.change(() -> {
            if (live.containsKey(id)) {
                throw new IllegalStateException("call " + id + " is already on the switchboard");
            }
            Instant now = clock.instant();
            WaitingCall call = new WaitingCall(this, id, info, nextSequence++, now);
            queue.put(call.sequence, call);
            live.put(id, call);
            emit(new CallWaiting(now, viewOf(call, now)));
            return call;
        });
    }

    /** The calls still waiting (not those already accepted), first in line first. */
    public List<WaitingCallView> waitingCalls() {
        return locked.read(() -> {
            Instant now = clock.instant();
            List<WaitingCallView> views = new ArrayList<>(queue.size());
            int position = 1;
            for (WaitingCall call : queue.values()) {
                views.add(new WaitingCallView(call.id, call.info, call.enqueuedAt, position++,
                        waited(call, now), Optional.empty()));
            }
            return views;
        });
    }

    /** A call still on the switchboard, waiting or taken by an agent; empty once it has gone. */
    public Optional<WaitingCallView> call(CallId id) {
        Objects.requireNonNull(id, "id");
        return locked.read(() -> Optional.ofNullable(live.get(id)).map(call -> viewOf(call, clock.instant())));
    }

    /**
     * An agent takes a waiting call. Of any number of agents accepting the same call at once exactly one gets
     * {@link Accepted}; the others learn who won. On success the agent is BUSY with this call, and the IVR holding
     * the caller, seeing {@link WaitingCall#assignedAgent()} at its next look, rings the agent's phone.
     */
    public AcceptOutcome accept(CallId id, String agentUsername) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentUsername, "agentUsername");
        return locked.change(() -> {
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
            agent.presence = Presence.BUSY;
            agent.awayReason = null;
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

    /**
     * Signs an agent out; unknown names are ignored, so signing out twice is harmless.
     *
     * @throws IllegalStateException while the agent is on a call: the call would be left with nobody
     */
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

    /** An agent comes back AVAILABLE; see {@link #goAway} for the rules. */
    public void setAvailable(String username) {
        changePresence(username, Presence.AVAILABLE, null);
    }

    /**
     * An agent goes AWAY for a reason they chose; going away for another reason while away changes only the reason.
     *
     * @throws IllegalArgumentException for {@link AwayReason#NO_ANSWER}, which only the switchboard sets, or an
     *                                  agent who is not signed in
     * @throws IllegalStateException    while the agent is on a call
     */
    public void goAway(String username, AwayReason reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason == AwayReason.NO_ANSWER) {
            throw new IllegalArgumentException("NO_ANSWER is set by the switchboard when a phone does not answer");
        }
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

    /** The signed-in agents, by username. */
    public List<AgentView> agents() {
        return locked.read(() -> agents.values().stream().map(AgentState::view).toList());
    }

    public Optional<AgentView> agent(String username) {
        Objects.requireNonNull(username, "username");
        return locked.read(() -> Optional.ofNullable(agents.get(username)).map(AgentState::view));
    }

    /** Registers a listener for every later event; close the subscription to stop. */
    public Subscription subscribe(SwitchboardListener listener) {
        Objects.requireNonNull(listener, "listener");
        return locked.subscribe(listener, listener::on);
    }

    // The WaitingCall handle's operations; kept here so every use of the lock is in one class.

    int positionOf(WaitingCall call) {
        return locked.read(() -> {
            // headMap(..).size() walks the entries ahead: a few thousand steps at most, every ~30 s per caller.
            return call.state == State.WAITING ? queue.headMap(call.sequence, false).size() + 1 : 0;
        });
    }

    Duration waitedOf(WaitingCall call) {
        return locked.read(() -> waited(call, clock.instant()));
    }

    Optional<Agent> assignedAgentOf(WaitingCall call) {
        return locked.read(() -> assignedAgent(call));
    }

    void abandon(WaitingCall call) {
        locked.change(() -> {
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
                release(call, null, now);
            }
            return null;
        });
    }

    boolean timeOut(WaitingCall call) {
        return locked.change(() -> switch (call.state) {
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
        locked.change(() -> {
            if (call.state != State.ASSIGNED) {
                throw new IllegalStateException("call " + call.id + " has no agent to have failed (" + call.state + ")");
            }
            Instant now = clock.instant();
            queue.put(call.sequence, call);
            call.state = State.WAITING;
            call.leftQueueAt = null;
            emit(new CallReturned(now, call.id, call.agent.username()));
            release(call, AwayReason.NO_ANSWER, now);
            call.agent = null;
            return null;
        });
    }

    void bridgeEnded(WaitingCall call) {
        locked.change(() -> {
            if (call.state == State.ENDED) {
                return null;
            }
            if (call.state != State.ASSIGNED) {
                throw new IllegalStateException("call " + call.id + " was never bridged to an agent (" + call.state + ")");
            }
            Instant now = clock.instant();
            finish(call, State.ENDED);
            emit(new CallEnded(now, call.id, call.agent.username()));
            release(call, null, now);
            return null;
        });
    }

    // Everything below runs under the lock.

    private void finish(WaitingCall call, State end) {
        call.state = end;
        live.remove(call.id);
    }

    /**
     * Frees the agent holding the call, AVAILABLE or AWAY for the reason given, unless (defensively) they have
     * moved on to another call.
     */
    private void release(WaitingCall call, AwayReason away, Instant now) {
        AgentState agent = agents.get(call.agent.username());
        if (agent != null && call.id.equals(agent.currentCall)) {
            agent.presence = away == null ? Presence.AVAILABLE : Presence.AWAY;
            agent.awayReason = away;
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
        locked.emit(event);
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
