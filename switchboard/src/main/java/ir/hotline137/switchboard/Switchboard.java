package ir.hotline137.switchboard;

import java.util.List;
import java.util.Optional;

/**
 * The live state of calls waiting for a person and of the agents who take them: the one place where the IVR (putting
 * callers on hold) and the console (agents accepting) meet.
 *
 * <p>Every change is atomic and decided once: of any number of agents accepting one call exactly one wins, and a
 * time-out and an acceptance at the same moment have one order. Its events reach listeners in the order the changes
 * were made. A single node keeps it in memory ({@link LocalSwitchboard}); a cluster shares it through PostgreSQL
 * ({@link PostgresSwitchboard}), where an agent on any node's console sees every caller waiting on any node.
 */
public interface Switchboard {

    /**
     * Puts a caller, held by this node's IVR, at the back of the queue.
     *
     * @throws IllegalStateException if a call with this id is already on the switchboard
     */
    WaitingCall enqueue(CallId id, GatheredInfo info);

    /** The calls still waiting (not those already accepted), first in line first. */
    List<WaitingCallView> waitingCalls();

    /** A call still on the switchboard, waiting or taken by an agent; empty once it has gone. */
    Optional<WaitingCallView> call(CallId id);

    /**
     * An agent takes a waiting call. Of any number of agents accepting the same call at once exactly one gets
     * {@link AcceptOutcome.Accepted}; the others learn who won. On success the agent is BUSY with this call, and the
     * IVR holding the caller, seeing {@link WaitingCall#assignedAgent()} at its next look, rings the agent's phone.
     */
    AcceptOutcome accept(CallId id, String agentUsername);

    /**
     * Signs an agent in as AVAILABLE, through this node's console. Signing in again (a reloaded console, or one that
     * came back through another node) only updates the name and dial string: it must not drop the call they are on or
     * end a break they chose.
     */
    AgentView signIn(Agent agent);

    /**
     * Signs an agent out; unknown names are ignored, so signing out twice is harmless.
     *
     * @throws IllegalStateException while the agent is on a call: the call would be left with nobody
     */
    void signOut(String username);

    /**
     * Signs an agent out if they signed in through this node's console last: what a board does when its last screen
     * of them closes, since on a cluster they may have come back through another node meanwhile. On one node it is
     * {@link #signOut}.
     *
     * @throws IllegalStateException while the agent is on a call
     */
    void signOutHere(String username);

    /**
     * An agent comes back AVAILABLE.
     *
     * @throws IllegalArgumentException for an agent who is not signed in
     * @throws IllegalStateException    while the agent is on a call
     */
    void setAvailable(String username);

    /**
     * An agent goes AWAY for a reason they chose; going away for another reason while away changes only the reason.
     *
     * @throws IllegalArgumentException for {@link AwayReason#NO_ANSWER}, which only the switchboard sets, or an agent
     *                                  who is not signed in
     * @throws IllegalStateException    while the agent is on a call
     */
    void goAway(String username, AwayReason reason);

    /** The signed-in agents, by username. */
    List<AgentView> agents();

    Optional<AgentView> agent(String username);

    /** The agents signed in through this node's console: on one node, all of them. */
    List<AgentView> agentsHere();

    /**
     * Registers a listener for every later event, whichever node made the change; close the subscription to stop. For
     * screens.
     */
    Subscription subscribe(SwitchboardListener listener);

    /**
     * Registers a listener for the later events of the changes made on this node only: what keeps a record of the
     * switchboard subscribes here, so that a cluster keeps each change once. On one node it is {@link #subscribe}.
     */
    Subscription subscribeHere(SwitchboardListener listener);
}
