package ir.hotline137.mayor.log;

import ir.hotline137.mayor.line.MayorCallerView;
import ir.hotline137.mayor.line.MayorLineEvent;
import ir.hotline137.mayor.line.MayorLineKeeper;
import ir.hotline137.mayor.line.MayorSession;
import java.util.List;
import java.util.Optional;

/**
 * Keeps every change on the mayor's line in the {@link MayorSessionLog}, so a session's report outlives the
 * live line (which forgets a session's callers when the next one opens) and a restart. It is the line's keeper:
 * the line hands it each change's events as the change is made, and they are written together, so the log is never
 * behind the line and a session closing on fifty waiting callers is one write.
 */
public final class SessionRecorder implements MayorLineKeeper {
    private final MayorSessionLog sessions;

    public SessionRecorder(MayorSessionLog sessions) {
        this.sessions = sessions;
    }

    @Override
    public void keep(List<MayorLineEvent> change) {
        sessions.together(() -> change.forEach(this::record));
    }

    private void record(MayorLineEvent event) {
        switch (event) {
            case MayorLineEvent.SessionOpened opened -> sessions.save(record(opened.session(), Optional.empty()));
            case MayorLineEvent.SessionClosed closed -> sessions.save(record(closed.session(), Optional.of(closed.by())));
            case MayorLineEvent.CallerJoined joined -> sessions.save(record(joined.caller()));
            case MayorLineEvent.CallerChanged changed -> sessions.save(record(changed.caller()));
            case MayorLineEvent.CallerLeft left -> sessions.save(record(left.caller()));
            case MayorLineEvent.MessageSaid said -> {
                // Not the programme's record: it is the callers, notes and directives.
            }
            case MayorLineEvent.CallerFileChanged file -> {
                // The file is kept in its own store, by number.
            }
            case MayorLineEvent.NumberGiven given -> {
                // The record keeps the number the network gave; a number said aloud is the moderator's aid.
            }
        }
    }

    private static SessionRecord record(MayorSession session, Optional<String> closedBy) {
        return new SessionRecord(session.id(), session.title(), session.openedAt(), session.plannedEnd(),
                session.openedBy(), session.closedAt(), closedBy);
    }

    /** A caller as the log keeps them. */
    public static SessionCaller record(MayorCallerView caller) {
        return new SessionCaller(caller.sessionId(), caller.id().value(), caller.topic().callerNumber(),
                caller.topic().district(), caller.topic().transcript(), caller.topic().recording(),
                caller.state(), caller.joinedAt(), caller.waited(), caller.notes(), caller.decidedBy(),
                caller.onAirAt(), caller.endedAt(), caller.mayor(), caller.conversationRecording());
    }
}
