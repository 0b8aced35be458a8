package ir.hotline137.calls;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.TrackingCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One phone call as it is kept once it has ended: who called, when, which way they went through the menus
 * and how it ended. Immutable.
 *
 * @param callId    Asterisk's unique id of the call, to find it in the PBX's own logs
 * @param caller    absent when the number was withheld
 * @param path      the menu steps in order, e.g. "menu:1", "district:5", so supervisors see where callers
 *                  get stuck
 * @param request   the request registered, joined or heard, if any
 * @param waited    time on a queue: the agents' (a call handed to a person) or the mayor's line
 * @param agent     the username of the agent who took the call
 * @param recording the call's or the description's audio file, as a path
 */
public record CallRecord(
        String callId,
        Optional<CallerNumber> caller,
        Instant startedAt,
        Instant endedAt,
        List<String> path,
        CallOutcome outcome,
        Optional<TrackingCode> request,
        Optional<Duration> waited,
        Optional<String> agent,
        Optional<String> recording) {

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        if (callId.isBlank()) {
            throw new IllegalArgumentException("callId is blank");
        }
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("call " + callId + " ended at " + endedAt + ", before it started at "
                    + startedAt);
        }
        path = List.copyOf(path);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(waited, "waited");
        if (waited.isPresent() && waited.get().isNegative()) {
            throw new IllegalArgumentException("call " + callId + " waited a negative time: " + waited.get());
        }
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(recording, "recording");
    }

    /**
     * The step a call's path gets when it is handed to a person, followed by why (e.g. {@code agent:pressed-zero});
     * every such call waits on the agents' queue.
     */
    public static final String TO_AGENTS = "agent:";

    /**
     * The time on the agents' queue, for a call handed to a person; empty for one that never was, whatever else
     * it waited for (the mayor's line is its own wait, with its own log). The hand-over is the last wait a call
     * can have, so when both happened {@link #waited()} is the agents'.
     */
    public Optional<Duration> waitedForAgents() {
        return path.stream().anyMatch(step -> step.startsWith(TO_AGENTS)) ? waited : Optional.empty();
    }

    /** How long the call lasted, from answer to hang-up. */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}
