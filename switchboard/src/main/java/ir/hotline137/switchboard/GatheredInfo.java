package ir.hotline137.switchboard;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the IVR learnt before handing the call to a person, shown to the agent when the call pops up so the
 * caller is not asked again for what they already said.
 *
 * @param district     the district number, if the caller gave one that was understood
 * @param districtName its name as the agent should see it
 * @param transcript   the description as recognised, possibly imperfect
 * @param recording    the description's audio file (a path as text) for the agent to listen to
 * @param duplicates   open requests that looked like the same problem, best first
 * @param earlierRequests how many requests this caller's number has made before: a caller with ten is not new
 */
public record GatheredInfo(
        Optional<String> callerNumber,
        Optional<Integer> district,
        Optional<String> districtName,
        Optional<String> transcript,
        Optional<String> recording,
        List<SuggestedDuplicate> duplicates,
        EscalationReason reason,
        int earlierRequests) {

    public GatheredInfo {
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(districtName, "districtName");
        Objects.requireNonNull(transcript, "transcript");
        Objects.requireNonNull(recording, "recording");
        duplicates = List.copyOf(duplicates);
        Objects.requireNonNull(reason, "reason");
        if (earlierRequests < 0) {
            throw new IllegalArgumentException("earlierRequests is negative: " + earlierRequests);
        }
    }

    /** Of a caller not known to have called before (or whose number is withheld). */
    public GatheredInfo(Optional<String> callerNumber, Optional<Integer> district, Optional<String> districtName,
                        Optional<String> transcript, Optional<String> recording, List<SuggestedDuplicate> duplicates,
                        EscalationReason reason) {
        this(callerNumber, district, districtName, transcript, recording, duplicates, reason, 0);
    }

    /** For a call escalated before anything was gathered, e.g. the caller pressed 0 at the welcome. */
    public static GatheredInfo nothing(Optional<String> callerNumber, EscalationReason reason) {
        return new GatheredInfo(callerNumber, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), reason);
    }
}
