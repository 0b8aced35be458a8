package ir.hotline137.mayor.line;

import ir.hotline137.switchboard.CallId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller on the mayor's line as a screen or the report shows it, frozen at the moment it was taken.
 *
 * @param waited    from joining up to now while waiting, or up to going on air or leaving the line
 * @param position  1-based place among the callers still waiting; 0 for everyone else
 * @param notes     the moderator's notes, oldest first, each as "username: text"
 * @param decidedBy the moderator who last approved or rejected the caller
 * @param endedAt   when the caller's time on the line ended: rejected, hung up, dismissed at closing, or the
 *                  conversation with the mayor over
 * @param sessionId the session the caller joined, which outlives the line for the report
 * @param mayor     who took the caller, once on air
 * @param conversationRecording where the conversation with the mayor is being (or was) recorded, as the IVR
 *                  reported it just before bridging; taken back if the file turned out to hold nothing
 */
public record MayorCallerView(
        CallId id,
        MayorTopic topic,
        ScreeningState state,
        Instant joinedAt,
        Duration waited,
        int position,
        List<String> notes,
        Optional<String> decidedBy,
        Optional<Instant> onAirAt,
        Optional<Instant> endedAt,
        String sessionId,
        Optional<String> mayor,
        Optional<String> conversationRecording) {

    public MayorCallerView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(waited, "waited");
        if (position < 0) {
            throw new IllegalArgumentException("position is negative: " + position);
        }
        notes = List.copyOf(notes);
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(onAirAt, "onAirAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(mayor, "mayor");
        Objects.requireNonNull(conversationRecording, "conversationRecording");
    }
}
