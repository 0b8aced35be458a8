package ir.hotline137.console.api;

/**
 * What the API says when it refuses a request: which field (or what) and why, in words a developer or an
 * agent's screen can show.
 *
 * @param field  the request field or path variable at fault; empty when the whole request is
 * @param reason why it was refused
 */
public record ApiError(String field, String reason) {
}
