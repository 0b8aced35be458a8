package ir.hotline137.mayor.line;

import java.util.Objects;

/** What the IVR's call thread learns from {@link MayorCaller#turn()}: what to do with the caller next. */
public sealed interface Turn {

    /** The mayor takes this caller now: bridge them to the dial string. */
    record OnAir(String mayorUsername, String dialString) implements Turn {
        public OnAir {
            Objects.requireNonNull(mayorUsername, "mayorUsername");
            Objects.requireNonNull(dialString, "dialString");
        }
    }

    /** The moderator turned the caller away; the IVR says so politely and offers the normal intake. */
    record Rejected(String by) implements Turn {
        public Rejected {
            Objects.requireNonNull(by, "by");
        }
    }

    /** The programme ended before the caller's turn; the IVR moves them to the normal intake. */
    record SessionClosed() implements Turn {
    }

    /** Nothing decided yet within the time given: play the hold prompt (with the position) and wait again. */
    record StillWaiting() implements Turn {
    }

    /** The caller has already hung up ({@link MayorCaller#abandon()}); there is no one left to wait for. */
    record HungUp() implements Turn {
    }
}
