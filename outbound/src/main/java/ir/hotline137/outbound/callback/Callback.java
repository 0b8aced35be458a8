package ir.hotline137.outbound.callback;

import ir.hotline137.requests.TrackingCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A citizen to be called back.
 *
 * @param number    the citizen's number as the requests keep it
 * @param placeAt   when they first joined the queue for a person: their place among callbacks
 * @param askedAt   when they asked to be called back
 * @param request   the request their message was registered as, if any
 * @param district  their district, when they gave it
 * @param callingBy the agent whose phone is being rung, while CALLING
 * @param dueAt     not to be called before this (after a busy or unanswered try, the spacing)
 */
public record Callback(long id, String number, CallbackKind kind, Instant placeAt, Instant askedAt,
                       Optional<TrackingCode> request, Optional<Integer> district, CallbackStatus status,
                       Optional<String> callingBy, List<CallbackTry> tries, Instant dueAt) {
    public Callback {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(placeAt, "placeAt");
        Objects.requireNonNull(askedAt, "askedAt");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(callingBy, "callingBy");
        tries = List.copyOf(tries);
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** A new callback, due at once. */
    public static Callback asked(String number, CallbackKind kind, Instant placeAt, Instant askedAt,
                                 Optional<TrackingCode> request, Optional<Integer> district) {
        return new Callback(0, number, kind, placeAt, askedAt, request, district, CallbackStatus.WAITING,
                Optional.empty(), List.of(), askedAt);
    }

    /** Tries that were the citizen's (busy, not answered, failed), not an agent's or the exchange's. */
    public long citizensTries() {
        return tries.stream().filter(t -> t.outcome().isCitizens()).count();
    }

    Callback numbered(long newId) {
        return new Callback(newId, number, kind, placeAt, askedAt, request, district, status, callingBy, tries, dueAt);
    }

    Callback calling(String agent) {
        return new Callback(id, number, kind, placeAt, askedAt, request, district, CallbackStatus.CALLING,
                Optional.of(agent), tries, dueAt);
    }

    Callback ended(CallbackTry attempt, CallbackStatus next, Instant nextDue) {
        List<CallbackTry> more = new ArrayList<>(tries);
        more.add(attempt);
        return new Callback(id, number, kind, placeAt, askedAt, request, district, next, Optional.empty(), more,
                nextDue);
    }
}
