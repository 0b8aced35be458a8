package ir.hotline137.requests;

import ir.hotline137.requests.location.Location;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A citizen's request as stored: immutable; every change makes a new value with one more history entry.
 *
 * @param revision   the store's change counter at this request's last change; the duplicate index
 *                   remembers the highest revision it has seen, which is how it knows what it missed
 * @param sequence   registration order (1, 2, 3 …), for newest-first listings
 * @param callerNumber absent for requests with no caller (a mayor's directive, an anonymous call)
 * @param location   where the problem is, when the app sent it or an agent added it
 */
public record CitizenRequest(
        TrackingCode code,
        long sequence,
        long revision,
        Instant createdAt,
        Optional<CallerNumber> callerNumber,
        int district,
        String category,
        String description,
        RequestSource source,
        Optional<String> audioReference,
        RequestStatus status,
        List<HistoryEntry> history,
        List<Supporter> supporters,
        Optional<TrackingCode> duplicateOf,
        Optional<Referral> referral,
        Optional<String> result,
        Optional<Instant> resultAt,
        int reopened,
        Optional<Satisfaction> satisfaction,
        Optional<Location> location) {

    public CitizenRequest {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(audioReference, "audioReference");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(resultAt, "resultAt");
        if (reopened < 0) {
            throw new IllegalArgumentException("reopened is negative: " + reopened);
        }
        Objects.requireNonNull(satisfaction, "satisfaction");
        Objects.requireNonNull(location, "location");
        history = List.copyOf(history);
        supporters = List.copyOf(supporters);
    }

    /** When anything last happened to it: the date a caller hears when asking for the status. */
    public Instant lastChangedAt() {
        return history.isEmpty() ? createdAt : history.getLast().at();
    }

    /** How many citizens this request speaks for: the reporter and everyone who joined. */
    public int weight() {
        return 1 + supporters.size();
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /**
     * Moves the request on. Work beginning (IN_PROGRESS) acknowledges its referral; RESOLVED is when its result
     * was given, from which the response time is counted.
     */
    CitizenRequest withStatus(RequestStatus next, HistoryEntry entry, Optional<TrackingCode> newDuplicateOf,
                              Optional<Referral> newReferral, Optional<String> newResult) {
        Optional<Referral> referralNow = next == RequestStatus.IN_PROGRESS || next == RequestStatus.RESOLVED
                ? newReferral.map(r -> r.acknowledged(entry.at())) : newReferral;
        Optional<Instant> resultAtNow = next == RequestStatus.RESOLVED ? Optional.of(entry.at()) : resultAt;
        return new CitizenRequest(code, sequence, revision, createdAt, callerNumber, district, category,
                description, source, audioReference, next, append(history, entry), supporters,
                newDuplicateOf, referralNow, newResult, resultAtNow, reopened, satisfaction, location);
    }

    /** The unit said it is not theirs: back with the 137 centre, REGISTERED and with no referral. */
    CitizenRequest sentBack(HistoryEntry entry) {
        return new CitizenRequest(code, sequence, revision, createdAt, callerNumber, district, category,
                description, source, audioReference, RequestStatus.REGISTERED, append(history, entry), supporters,
                duplicateOf, Optional.empty(), result, resultAt, reopened, satisfaction, location);
    }

    /**
     * The citizen said the problem is not fixed: back to the unit (IN_PROGRESS) under {@code again}, a fresh referral
     * with a fresh deadline; its result and result time kept in the history only, counted as reopened.
     */
    CitizenRequest reopenedBy(Satisfaction answer, Referral again, HistoryEntry entry) {
        return new CitizenRequest(code, sequence, revision, createdAt, callerNumber, district, category,
                description, source, audioReference, RequestStatus.IN_PROGRESS, append(history, entry), supporters,
                duplicateOf, Optional.of(again), Optional.empty(), Optional.empty(), reopened + 1, Optional.of(answer),
                location);
    }

    CitizenRequest withSatisfaction(Satisfaction answer, HistoryEntry entry) {
        return new CitizenRequest(code, sequence, revision, createdAt, callerNumber, district, category,
                description, source, audioReference, status, append(history, entry), supporters,
                duplicateOf, referral, result, resultAt, reopened, Optional.of(answer), location);
    }

    CitizenRequest withSupporter(Supporter supporter, HistoryEntry entry) {
        List<Supporter> more = new ArrayList<>(supporters);
        more.add(supporter);
        return new CitizenRequest(code, sequence, revision, createdAt, callerNumber, district, category,
                description, source, audioReference, status, append(history, entry), more,
                duplicateOf, referral, result, resultAt, reopened, satisfaction, location);
    }

    CitizenRequest withCategory(String newCategory, HistoryEntry entry) {
        return new CitizenRequest(code, sequence, revision, createdAt, callerNumber, district, newCategory,
                description, source, audioReference, status, append(history, entry), supporters,
                duplicateOf, referral, result, resultAt, reopened, satisfaction, location);
    }

    CitizenRequest locatedAt(Location at, HistoryEntry entry) {
        return new CitizenRequest(code, sequence, revision, createdAt, callerNumber, district, category,
                description, source, audioReference, status, append(history, entry), supporters,
                duplicateOf, referral, result, resultAt, reopened, satisfaction, Optional.of(at));
    }

    CitizenRequest withNote(HistoryEntry entry) {
        return new CitizenRequest(code, sequence, revision, createdAt, callerNumber, district, category,
                description, source, audioReference, status, append(history, entry), supporters,
                duplicateOf, referral, result, resultAt, reopened, satisfaction, location);
    }

    /** The store stamps each saved version with its registration order and its revision. */
    public CitizenRequest stamped(long newSequence, long newRevision) {
        return new CitizenRequest(code, newSequence, newRevision, createdAt, callerNumber, district, category,
                description, source, audioReference, status, history, supporters, duplicateOf, referral, result,
                resultAt, reopened, satisfaction, location);
    }

    private static List<HistoryEntry> append(List<HistoryEntry> history, HistoryEntry entry) {
        List<HistoryEntry> more = new ArrayList<>(history.size() + 1);
        more.addAll(history);
        more.add(entry);
        return more;
    }
}
