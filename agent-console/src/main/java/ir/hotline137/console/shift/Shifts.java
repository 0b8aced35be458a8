package ir.hotline137.console.shift;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Agents' presence marks and wrap-ups: the embedded {@link MapDbShifts}, or {@link PostgresShifts} for a cluster
 * (an agent's shift is one shift whichever node their console talks to).
 */
public interface Shifts {
    void mark(PresenceMark mark);

    /**
     * The agent's marks from {@code from} on, earliest first, preceded by the last one before it (the state they
     * were in when the range began), if any.
     */
    List<PresenceMark> marks(String username, Instant from);

    /** Every agent whose latest mark is not off duty: still on duty, as far as the marks know. */
    List<PresenceMark> stillOnDuty();

    void wrapUp(WrapUp wrapUp);

    /** This agent's outcome for the call; another agent who took the same call has their own. */
    Optional<WrapUp> wrapUpOf(String agent, String callId);
}
