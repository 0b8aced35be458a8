package ir.hotline137.mayor.line;

import ir.hotline137.switchboard.CallId;
import java.time.Instant;
import java.util.Objects;

/**
 * A change on the mayor's line, published in the order the changes were made.
 *
 * <p>Positions in the views are those at the moment of the event. When a caller stops waiting, everyone
 * behind moves up one without an event each; a screen counts positions from the order of the waiting
 * callers rather than waiting to be told.
 */
public sealed interface MayorLineEvent {

    /** When the change was made, by the line's clock. */
    Instant at();

    /** A session opened; callers can join. */
    record SessionOpened(Instant at, MayorSession session) implements MayorLineEvent {
        public SessionOpened {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * The session closed. Comes after a {@link CallerChanged} to SESSION_CLOSED for each caller who was still
     * waiting; a caller on air stays on air until the conversation ends.
     */
    record SessionClosed(Instant at, MayorSession session, String by) implements MayorLineEvent {
        public SessionClosed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(by, "by");
        }
    }

    /** A caller joined the back of the line. */
    record CallerJoined(Instant at, MayorCallerView caller) implements MayorLineEvent {
        public CallerJoined {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(caller, "caller");
        }
    }

    /**
     * Something about a caller changed: a decision, a note, a move (then one event for each of the two
     * callers who swapped places), going on air, the conversation ending, or dismissal at closing.
     */
    record CallerChanged(Instant at, MayorCallerView caller) implements MayorLineEvent {
        public CallerChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(caller, "caller");
        }
    }

    /**
     * The screening room and the mayor wrote to each other. Not kept in the programme's record (its record is the
     * callers, notes and directives): it lives as long as the programme.
     */
    record MessageSaid(Instant at, LineMessage message) implements MayorLineEvent {
        public MessageSaid {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A caller who withheld their number told it to the moderator: their file and earlier requests are looked up by
     * it. Not kept in the programme's record, whose number is the one the network gave.
     */
    record NumberGiven(Instant at, CallId id, String number) implements MayorLineEvent {
        public NumberGiven {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(number, "number");
        }
    }

    /**
     * A caller file (flags and a note, kept by number) was written during the programme: every screen reads its
     * callers' files again. The file itself is kept in its own store; the line only says so, to every node.
     */
    record CallerFileChanged(Instant at, String number) implements MayorLineEvent {
        public CallerFileChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(number, "number");
        }
    }

    /** The caller hung up before reaching the mayor; they stay in the list, ABANDONED, for the report. */
    record CallerLeft(Instant at, MayorCallerView caller) implements MayorLineEvent {
        public CallerLeft {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(caller, "caller");
        }
    }
}
