package ir.hotline137.mayor.line;

import java.util.Objects;

/** What the mayor's "next caller" button did. */
public sealed interface NextCaller {

    /** This caller is now on air; the IVR is bridging them to the mayor's phone. */
    record Bridged(MayorCallerView caller) implements NextCaller {
        public Bridged {
            Objects.requireNonNull(caller, "caller");
        }
    }

    /** Nobody approved is waiting; the moderator has to let someone through first. */
    record NoneApproved() implements NextCaller {
    }

    /** No session is open. */
    record NoSession() implements NextCaller {
    }

    /**
     * The mayor is still talking to this caller (or the line has not yet reported the end): one at a time,
     * so a double click never puts two citizens through.
     */
    record StillOnAir(MayorCallerView caller) implements NextCaller {
        public StillOnAir {
            Objects.requireNonNull(caller, "caller");
        }
    }
}
