package ir.hotline137.mayor.log;

import ir.hotline137.mayor.line.ScreeningState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller of a mayor session as last seen on the line: rewritten at every change while the session is live,
 * then final.
 *
 * @param state                 where the caller was last: waiting, on air, talked, turned away, gone
 * @param topic                 the caller's name and topic as recognised
 * @param topicRecording        the same in the caller's voice (a path on the server)
 * @param conversationRecording the conversation with the mayor (a path on the server)
 */
public record SessionCaller(
        String sessionId,
        String callId,
        Optional<String> callerNumber,
        Optional<Integer> district,
        Optional<String> topic,
        Optional<String> topicRecording,
        ScreeningState state,
        Instant joinedAt,
        Duration waited,
        List<String> notes,
        Optional<String> decidedBy,
        Optional<Instant> onAirAt,
        Optional<Instant> endedAt,
        Optional<String> mayor,
        Optional<String> conversationRecording) {

    public SessionCaller {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(topicRecording, "topicRecording");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(waited, "waited");
        notes = List.copyOf(notes);
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(onAirAt, "onAirAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(mayor, "mayor");
        Objects.requireNonNull(conversationRecording, "conversationRecording");
    }
}
