package ir.hotline137.console.mayor;

import ir.hotline137.requests.CitizenRequest;
import java.time.Instant;
import java.util.List;

/**
 * A caller on the mayor's line as the moderator's and the mayor's screens show them. Absent parts are null.
 * Recordings stay on the server: {@code hasTopicAudio} and {@code recorded} only say there is one.
 *
 * @param waitedSeconds   up to the moment this was made; the page counts on from {@code joinedAt}
 * @param earlierRequests the caller's requests from before they joined, newest first, so the mayor knows
 *                        whether this is the third call about the same pothole
 * @param directives      tracking codes of the directives written for this caller so far
 */
public record LineCaller(
        String id,
        String state,
        int position,
        Instant joinedAt,
        long waitedSeconds,
        String callerNumber,
        Integer district,
        String districtName,
        String topic,
        boolean hasTopicAudio,
        List<String> notes,
        String decidedBy,
        Instant onAirAt,
        Instant endedAt,
        String mayor,
        boolean recorded,
        List<EarlierRequest> earlierRequests,
        List<String> directives) {

    /** One of the caller's earlier requests, enough to recognise it. */
    public record EarlierRequest(String code, Instant createdAt, String category, String status,
                                 String description) {
        static EarlierRequest of(CitizenRequest request) {
            String text = request.description();
            return new EarlierRequest(request.code().value(), request.createdAt(), request.category(),
                    request.status().name(), text.length() > 160 ? text.substring(0, 160) + "…" : text);
        }
    }
}
