package ir.hotline137.requests;

/** A status change the lifecycle does not allow, e.g. CLOSED back to IN_PROGRESS. */
public class IllegalTransitionException extends IllegalStateException {
    private final RequestStatus from;
    private final RequestStatus to;

    public IllegalTransitionException(TrackingCode code, RequestStatus from, RequestStatus to) {
        super("request " + code + " is " + from + " and cannot become " + to + "; allowed next: " + from.next());
        this.from = from;
        this.to = to;
    }

    public RequestStatus from() {
        return from;
    }

    public RequestStatus to() {
        return to;
    }
}
