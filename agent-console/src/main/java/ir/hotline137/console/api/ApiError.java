package ir.hotline137.console.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the API says when it refuses a request: which field (or what) and why, in words a developer can read, and
 * for a conflict a code a screen can act on and word in Persian itself, never parsing the words.
 *
 * @param field  the request field or path variable at fault; empty when the whole request is
 * @param reason why it was refused
 * @param code   for a 409, what stood in the way, e.g. {@code taken}, {@code still-on-air}; absent otherwise
 * @param by     for a 409 caused by a person (the agent who took the call), who
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String field, String reason, String code, String by) {

    public ApiError(String field, String reason) {
        this(field, reason, null, null);
    }
}
