package ir.hotline137.mayor.line;

import ir.hotline137.switchboard.CallId;
import java.util.Objects;

/**
 * What became of a moderator's action on a caller. A caller can hang up, or the mayor take them, at any
 * moment while the moderator is clicking, so losing such a race is a value the console shows, not an
 * exception.
 */
public sealed interface ScreeningOutcome {

    /** Done (or already so, e.g. approving twice); the caller as they are now. */
    record Done(MayorCallerView caller) implements ScreeningOutcome {
        public Done {
            Objects.requireNonNull(caller, "caller");
        }
    }

    /** No session is open, or the call never joined the open one. */
    record NotInLine(CallId id) implements ScreeningOutcome {
        public NotInLine {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The caller is no longer waiting (hung up, rejected, on air...), so the action makes no sense now. */
    record NotAllowed(CallId id, ScreeningState state) implements ScreeningOutcome {
        public NotAllowed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
        }
    }
}
