package ir.hotline137.console.mayor;

import ir.hotline137.mayor.line.MayorSession;
import java.time.Instant;
import java.util.List;

/**
 * The whole mayor's line at one moment: what {@code GET /api/mayor/queue} answers and what {@code /ws/mayor}
 * pushes after every change. Always the whole line, never a difference: a programme has a few hundred callers
 * at most, and a screen that missed a message is right again with the next.
 *
 * @param session the open session, or null when none is
 * @param callers  its callers in line order, in every state (the screens choose what to show)
 * @param messages what the moderators and the mayor wrote to each other during the open session, oldest first
 */
public record LineState(Instant at, SessionView session, List<LineCaller> callers, List<LineMessage> messages) {

    /** A line between the screening room and the mayor ("two minutes left"). */
    public record LineMessage(Instant at, String from, String text) {
        static LineMessage of(ir.hotline137.mayor.line.LineMessage message) {
            return new LineMessage(message.at(), message.from(), message.text());
        }
    }

    public record SessionView(String id, String title, Instant openedAt, Instant plannedEnd, String openedBy) {
        static SessionView of(MayorSession session) {
            return new SessionView(session.id(), session.title(), session.openedAt(), session.plannedEnd(),
                    session.openedBy());
        }
    }
}
