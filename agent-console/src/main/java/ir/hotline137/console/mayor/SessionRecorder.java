package ir.hotline137.console.mayor;

import ir.hotline137.requests.mayor.MayorSessionLog;
import ir.hotline137.requests.mayor.SessionCaller;
import ir.hotline137.requests.mayor.SessionRecord;
import ir.hotline137.switchboard.Subscription;
import ir.hotline137.switchboard.mayor.MayorCallerView;
import ir.hotline137.switchboard.mayor.MayorLine;
import ir.hotline137.switchboard.mayor.MayorLineEvent;
import ir.hotline137.switchboard.mayor.MayorLineListener;
import ir.hotline137.switchboard.mayor.MayorSession;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every change on the mayor's line to the {@link MayorSessionLog}, so a session's report outlives the
 * live line (which forgets a session's callers when the next one opens) and a restart.
 *
 * <p>Changes are written on a thread of its own, in the order they were made: the line's listeners run on
 * the thread of whoever made the change, often a caller's call thread, which must not wait for a disk commit.
 */
public final class SessionRecorder implements MayorLineListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionRecorder.class);

    private final MayorSessionLog sessions;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("mayor-session-log").daemon().factory());
    private final Subscription subscription;

    public SessionRecorder(MayorLine line, MayorSessionLog sessions) {
        this.sessions = sessions;
        this.subscription = line.subscribe(this);
    }

    @Override
    public void on(MayorLineEvent event) {
        writer.execute(() -> {
            try {
                record(event);
            } catch (RuntimeException e) {
                log.error("mayor line change not recorded for the report: {}", event, e);
            }
        });
    }

    /**
     * Returns once every change made before this call is in the log, so a report asked for right after a
     * change includes it.
     */
    public void awaitRecorded(Duration max) {
        try {
            writer.submit(() -> { }).get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            log.warn("mayor session log is behind: {}", e.toString());
        }
    }

    private void record(MayorLineEvent event) {
        switch (event) {
            case MayorLineEvent.SessionOpened opened -> sessions.save(record(opened.session(), Optional.empty()));
            case MayorLineEvent.SessionClosed closed -> sessions.save(record(closed.session(), Optional.of(closed.by())));
            case MayorLineEvent.CallerJoined joined -> sessions.save(record(joined.caller()));
            case MayorLineEvent.CallerChanged changed -> sessions.save(record(changed.caller()));
            case MayorLineEvent.CallerLeft left -> sessions.save(record(left.caller()));
        }
    }

    private static SessionRecord record(MayorSession session, Optional<String> closedBy) {
        return new SessionRecord(session.id(), session.title(), session.openedAt(), session.plannedEnd(),
                session.openedBy(), session.closedAt(), closedBy);
    }

    static SessionCaller record(MayorCallerView caller) {
        return new SessionCaller(caller.sessionId(), caller.id().value(), caller.topic().callerNumber(),
                caller.topic().district(), caller.topic().transcript(), caller.topic().recording(),
                caller.state().name(), caller.joinedAt(), caller.waited(), caller.notes(), caller.decidedBy(),
                caller.onAirAt(), caller.endedAt(), caller.mayor(), caller.conversationRecording());
    }

    @Override
    public void close() {
        subscription.close();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("mayor session log: changes still unwritten at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
