package ir.hotline137.mayor.line;

import ir.hotline137.switchboard.CallId;
import java.time.Instant;
import java.util.List;

/**
 * Everything the line knows of one caller, as a shared line writes it into its snapshot and every node reads it back:
 * a {@link MayorCaller}'s fields, whose nulls it keeps (a caller not yet decided on, not on air, not ended).
 *
 * @param node        the node whose IVR holds the call
 * @param givenNumber the number a caller who withheld theirs told the moderator
 */
record HeldCaller(
        CallId id,
        MayorTopic topic,
        String sessionId,
        Instant joinedAt,
        String node,
        ScreeningState state,
        List<String> notes,
        String decidedBy,
        String mayorUsername,
        String dialString,
        Instant onAirAt,
        Instant endedAt,
        String conversationRecording,
        String givenNumber) {
}
