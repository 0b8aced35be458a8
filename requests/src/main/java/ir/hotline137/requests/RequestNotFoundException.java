package ir.hotline137.requests;

/** No request carries this (valid) tracking code. */
public class RequestNotFoundException extends RuntimeException {
    private final TrackingCode code;

    public RequestNotFoundException(TrackingCode code) {
        super("no request with tracking code " + code);
        this.code = code;
    }

    public TrackingCode code() {
        return code;
    }
}
