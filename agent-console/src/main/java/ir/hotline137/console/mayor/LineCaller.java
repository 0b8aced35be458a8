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
 * @param numberTyped     true when {@code callerNumber} is not what the phone network gave (it was withheld) but
 *                        what the caller told the moderator
 * @param designatedNext  the moderator set this caller to go on air next
 * @param estimatedWaitSeconds what the caller is told they may still wait; null once not waiting
 * @param flags           the caller file's flags for the number (WARNING, BLOCKED, OFFICIAL), in that order
 * @param fileNote        the caller file's note, null when none
 * @param earlierProgrammeCalls the number's calls to earlier programmes, the latest first
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
        List<String> directives,
        boolean numberTyped,
        boolean designatedNext,
        Long estimatedWaitSeconds,
        List<String> flags,
        String fileNote,
        List<EarlierProgrammeCall> earlierProgrammeCalls) {

    /** One earlier programme call from the same number: when, which programme, and how it ended. */
    public record EarlierProgrammeCall(Instant joinedAt, String programme, String state) {
    }

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
