package ir.hotline137.requests;

/** Input that cannot become (or change) a request; names the field so a caller of the API can fix it. */
public class InvalidRequestException extends IllegalArgumentException {
    private final String field;
    private final String reason;

    public InvalidRequestException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
