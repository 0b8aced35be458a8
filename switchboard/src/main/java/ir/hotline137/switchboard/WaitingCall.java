package ir.hotline137.switchboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The handle the IVR's call thread keeps for a caller it put on the {@link Switchboard}: it reads the
 * caller's place for the hold prompts, tells whether an agent has taken the call, and reports what happened on the
 * line (hung up, agent's phone did not answer, conversation over). Agents act on the call through the switchboard; this
 * handle is for the one thread that owns the caller.
 *
 * <p>The IVR's hold looks at {@link #assignedAgent()} between short listens for the hang-up, and says the
 * position now and then; when the caller has waited long enough, {@link #timeOut()}, and if that returns false an
 * agent won the race, so bridge to them after all. Nothing here blocks: every method answers at once.
 */
public final class WaitingCall {
    /** Where the call is in its life on the switchboard. Only the first two are live. */
    enum State { WAITING, ASSIGNED, ENDED, ABANDONED, TIMED_OUT }

    private final Switchboard switchboard;
    final CallId id;
    final GatheredInfo info;
    /** Its place in the queue for good: a call that comes back after a failed bridge goes back here. */
    final long sequence;
    final Instant enqueuedAt;

    // Guarded by the switchboard's lock.
    State state = State.WAITING;
    /** The accepting agent as they were when they accepted, so the dial string cannot change under the IVR. */
    Agent agent;
    /** When the call last stopped waiting; null while it waits, so {@link #waited()} keeps growing. */
    Instant leftQueueAt;

    WaitingCall(Switchboard switchboard, CallId id, GatheredInfo info, long sequence, Instant enqueuedAt) {
        this.switchboard = switchboard;
        this.id = id;
        this.info = info;
        this.sequence = sequence;
        this.enqueuedAt = enqueuedAt;
    }

    public CallId id() {
        return id;
    }

    public GatheredInfo info() {
        return info;
    }

    public Instant enqueuedAt() {
        return enqueuedAt;
    }

    /** 1-based place in the queue, for "you are caller number 3"; 0 once the call no longer waits. */
    public int position() {
        return switchboard.positionOf(this);
    }

    /**
     * Time since the caller joined the queue, up to now while waiting, or up to the moment the call last left
     * the queue. Ringing an agent who did not answer counts: for the caller it was waiting too.
     */
    public Duration waited() {
        return switchboard.waitedOf(this);
    }

    /**
     * The agent who accepted the call, present from the acceptance on (also after the conversation ended);
     * empty while waiting, and after the caller hung up or the call timed out.
     */
    public Optional<Agent> assignedAgent() {
        return switchboard.assignedAgentOf(this);
    }

    /**
     * The caller hung up: the call leaves the queue at once. If an agent had accepted it but the IVR had not
     * yet bridged (the agent's phone was ringing), the agent is free again. Calling it again, or after the
     * call ended or timed out, does nothing.
     */
    public void abandon() {
        switchboard.abandon(this);
    }

    /**
     * Nobody accepted in time: the call leaves the queue and this returns true, meaning no agent will come.
     * Returns false if an agent accepted at the same moment (or earlier): the assignment stands and the IVR
     * bridges to {@link #assignedAgent()}.
     */
    public boolean timeOut() {
        return switchboard.timeOut(this);
    }

    /**
     * The assigned agent's phone did not answer. They are evidently not at their desk, so they become AWAY,
     * and the call goes back into the queue at the place it had (not the back), for someone else.
     *
     * @throws IllegalStateException if no agent is assigned to the call
     */
    public void bridgeFailed() {
        switchboard.bridgeFailed(this);
    }

    /**
     * The conversation with the assigned agent is over: the agent is free again and the call leaves the
     * switchboard. Calling it again does nothing.
     *
     * @throws IllegalStateException if the call was never bridged to an agent
     */
    public void bridgeEnded() {
        switchboard.bridgeEnded(this);
    }

    @Override
    public String toString() {
        return "WaitingCall[" + id + "]";
    }
}
