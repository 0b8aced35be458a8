package ir.hotline137.mayor.log;

import ir.hotline137.requests.TrackingCode;
import java.time.Instant;
import java.util.Objects;

/**
 * The mayor's instruction after hearing a caller, registered as a tracked request; the request holds what,
 * to whom and by when, this links it to the session and the caller.
 *
 * @param by who wrote it down (the moderator or the mayor)
 */
public record Directive(String sessionId, String callId, TrackingCode request, Instant at, String by) {
    public Directive {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
