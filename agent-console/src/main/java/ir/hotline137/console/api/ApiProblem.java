package ir.hotline137.console.api;

/** A refusal the API answers with an {@link ApiError}: the caller's mistake, not a fault of ours. */
public abstract sealed class ApiProblem extends RuntimeException permits ApiProblem.BadField, ApiProblem.NotFound,
        ApiProblem.Conflict {
    private final transient ApiError error;

    private ApiProblem(ApiError error) {
        super(error.field() + ": " + error.reason(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }

    /** 400: a field is missing or wrong. */
    public static final class BadField extends ApiProblem {
        public BadField(String field, String reason) {
            super(new ApiError(field, reason));
        }
    }

    /** 404: nothing has that code or id. */
    public static final class NotFound extends ApiProblem {
        public NotFound(String field, String reason) {
            super(new ApiError(field, reason));
        }
    }

    /**
     * 409: the request is fine but the state of things does not allow it now (a call taken by someone else).
     * The {@code code} names what stood in the way, so a screen can say it in its own words.
     */
    public static final class Conflict extends ApiProblem {
        public Conflict(String field, String code, String reason) {
            super(new ApiError(field, reason, code, null));
        }

        public Conflict(String field, String code, String reason, String by) {
            super(new ApiError(field, reason, code, by));
        }
    }
}
