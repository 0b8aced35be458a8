package ir.hotline137.console.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the API's refusals into JSON with the right status. */
@RestControllerAdvice(basePackages = "ir.hotline137.console")
public class ApiErrors {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ApiError> refused(ApiProblem problem) {
        HttpStatus status = problem instanceof ApiProblem.NotFound ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(problem.error());
    }
}
