package ir.hotline137.switchboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The handle the IVR's call thread keeps for a caller it put on the {@link Switchboard}: it reads the caller's place
 * for the hold prompts, tells whether an agent has taken the call, and reports what happened on the line (hung up,
 * agent's phone did not answer, conversation over). Agents act on the call through the switchboard; this handle is
 * for the one thread that owns the caller.
 *
 * <p>The IVR's hold looks at {@link #assignedAgent()} between short listens for the hang-up, and says the position
 * now and then; when the caller has waited long enough, {@link #timeOut()}, and if that returns false an agent won
 * the race, so bridge to them after all. Nothing here waits for anything but the switchboard's own change.
 */
public interface WaitingCall {

    CallId id();

    GatheredInfo info();

    Instant enqueuedAt();

    /** 1-based place in the queue, for "you are caller number 3"; 0 once the call no longer waits. */
    int position();

    /**
     * Time since the caller joined the queue, up to now while waiting, or up to the moment the call last left the
     * queue. Ringing an agent who did not answer counts: for the caller it was waiting too.
     */
    Duration waited();

    /**
     * The agent who accepted the call, present from the acceptance on (also after the conversation ended); empty
     * while waiting, and after the caller hung up or the call timed out.
     */
    Optional<Agent> assignedAgent();

    /**
     * The caller hung up: the call leaves the queue at once. If an agent had accepted it but the IVR had not yet
     * bridged (the agent's phone was ringing), the agent is free again. Calling it again, or after the call ended or
     * timed out, does nothing.
     */
    void abandon();

    /**
     * Nobody accepted in time: the call leaves the queue and this returns true, meaning no agent will come. Returns
     * false if an agent accepted at the same moment (or earlier): the assignment stands and the IVR bridges to
     * {@link #assignedAgent()}.
     */
    boolean timeOut();

    /**
     * The assigned agent's phone did not answer. They are evidently not at their desk, so they become AWAY, and the
     * call goes back into the queue at the place it had (not the back), for someone else.
     *
     * @throws IllegalStateException if no agent is assigned to the call
     */
    void bridgeFailed();

    /**
     * The conversation with the assigned agent is over: the agent is free again and the call leaves the switchboard.
     * Calling it again does nothing.
     *
     * @throws IllegalStateException if the call was never bridged to an agent
     */
    void bridgeEnded();
}
