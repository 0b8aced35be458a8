package ir.hotline137.console.board;

import ir.hotline137.switchboard.GatheredInfo;
import ir.hotline137.switchboard.SuggestedDuplicate;
import ir.hotline137.switchboard.WaitingCallView;
import java.time.Instant;
import java.util.List;

/**
 * A waiting (or just accepted) call as the console's JSON shows it: flat and with plain nulls, so the page
 * reads {@code call.transcript} rather than unwrapping the switchboard's Optionals and id records.
 *
 * @param hasRecording    whether the description's audio was kept; the path itself stays on the server
 * @param earlierRequests how many requests the caller's number made before
 */
public record BoardCall(String id, int position, Instant enqueuedAt, long waitedSeconds, String callerNumber,
                        Integer district, String districtName, String transcript, boolean hasRecording,
                        String reason, List<Duplicate> duplicates, String assignedTo, int earlierRequests) {

    /** A request the duplicate search thought the caller may be describing. */
    public record Duplicate(String trackingCode, double similarity, Instant registeredAt, String category) {
        static Duplicate of(SuggestedDuplicate suggested) {
            return new Duplicate(suggested.trackingCode(), suggested.similarity(), suggested.registeredAt(),
                    suggested.category());
        }
    }

    public static BoardCall of(WaitingCallView view) {
        GatheredInfo info = view.info();
        return new BoardCall(view.id().value(), view.position(), view.enqueuedAt(), view.waited().toSeconds(),
                info.callerNumber().orElse(null), info.district().orElse(null), info.districtName().orElse(null),
                info.transcript().orElse(null), info.recording().isPresent(), info.reason().name(),
                info.duplicates().stream().map(Duplicate::of).toList(), view.assignedTo().orElse(null),
                info.earlierRequests());
    }
}
