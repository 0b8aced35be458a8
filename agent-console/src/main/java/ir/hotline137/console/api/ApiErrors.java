package ir.hotline137.console.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import ir.hotline137.requests.IllegalTransitionException;
import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.RequestNotFoundException;
import ir.hotline137.requests.RequestNotOpenException;
import ir.hotline137.store.StoreRefusedException;

/** Turns the API's refusals into JSON with the right status. */
@RestControllerAdvice(basePackages = "ir.hotline137.console")
public class ApiErrors {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ApiError> refused(ApiProblem problem) {
        HttpStatus status = switch (problem) {
            case ApiProblem.BadField bad -> HttpStatus.BAD_REQUEST;
            case ApiProblem.NotFound missing -> HttpStatus.NOT_FOUND;
            case ApiProblem.Conflict conflict -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(problem.error());
    }

    /** The request desk names the field it refused. */
    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ApiError> invalid(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.field(), e.reason()));
    }

    @ExceptionHandler(RequestNotFoundException.class)
    ResponseEntity<ApiError> missing(RequestNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("code", e.getMessage()));
    }

    /** A status the lifecycle does not allow from where the request is: a conflict with its present state. */
    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ApiError> notAllowed(IllegalTransitionException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("status", e.getMessage(), "not-now", null));
    }

    /** Joining a request that was closed or merged since the agent saw it. */
    @ExceptionHandler(RequestNotOpenException.class)
    ResponseEntity<ApiError> notOpen(RequestNotOpenException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("code", e.getMessage(), "not-open", null));
    }

    /**
     * The data folder takes no writes now (a full disk): nothing of the change was kept, and trying again later
     * is right, so 503 rather than a failure of ours.
     */
    @ExceptionHandler(StoreRefusedException.class)
    ResponseEntity<ApiError> refusedByStore(StoreRefusedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError("store", e.getMessage()));
    }

    /**
     * A body that is not JSON, or a field of the wrong type: named by the JSON property that could not be read
     * ({@code "district": true} → district), else by the parameter.
     */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ApiError> unreadable(ServerWebInputException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                String property = json.getPath().getLast().getPropertyName();
                if (property != null) {
                    return ResponseEntity.badRequest().body(new ApiError(property, "cannot be read: "
                            + json.getOriginalMessage()));
                }
            }
        }
        String field = e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                ? e.getMethodParameter().getParameterName() : "";
        return ResponseEntity.badRequest().body(new ApiError(field, "cannot be read: " + e.getReason()));
    }
}
