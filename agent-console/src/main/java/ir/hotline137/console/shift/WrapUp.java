package ir.hotline137.console.shift;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's outcome for a call they took. Given again, it replaces the earlier one: the agent corrects their own
 * record within the shift.
 *
 * @param callId Asterisk's unique id of the call
 * @param note   the agent's words, possibly empty
 */
public record WrapUp(String callId, String agent, WrapUpCode code, String note, Instant at) {
    /** Longer than a wrap-up needs; a request's own text belongs on the request. */
    public static final int MAX_NOTE_LENGTH = 500;

    public WrapUp {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(at, "at");
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("a wrap-up note is longer than " + MAX_NOTE_LENGTH + " characters");
        }
    }
}
