package ir.hotline137.requests;

/**
 * Supporters can only join a request that is still open: a caller asked to join something that was
 * resolved, rejected, closed or merged meanwhile, so the caller's report must be registered anew.
 */
public class RequestNotOpenException extends IllegalStateException {
    private final TrackingCode code;
    private final RequestStatus status;

    public RequestNotOpenException(TrackingCode code, RequestStatus status) {
        super("request " + code + " is " + status + ": only open requests (" + RequestStatus.OPEN + ") can be joined");
        this.code = code;
        this.status = status;
    }

    public TrackingCode code() {
        return code;
    }

    public RequestStatus status() {
        return status;
    }
}
