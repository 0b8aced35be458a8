package ir.hotline137.console.shift;

import ir.hotline137.switchboard.AgentView;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.Subscription;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.SwitchboardEvent;
import ir.hotline137.switchboard.SwitchboardEvent.AgentPresenceChanged;
import ir.hotline137.switchboard.SwitchboardEvent.AgentSignedOut;
import ir.hotline137.switchboard.SwitchboardListener;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every presence change the switchboard publishes as a {@link PresenceMark}. The switchboard calls its
 * listeners on the thread that made the change (an accept, the IVR ending a call), so the durable write is handed to
 * one thread of its own: the change is never held up by a disk, and the marks are written in the order made. On a
 * cluster each node keeps the changes made on it, so each is kept once.
 */
public final class ShiftLog implements SwitchboardListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ShiftLog.class);

    private final Switchboard switchboard;
    private final Shifts shifts;
    private final Clock clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("shift-log").daemon().factory());
    private final Subscription subscription;

    /**
     * Agents the last run left on duty (it crashed, or stopped with boards open) go off duty at their latest mark:
     * the time after it is unknown, and a shift must not count the hours the hotline was down. On a cluster, those
     * still signed in through another node are on duty indeed.
     */
    public ShiftLog(Switchboard switchboard, Shifts shifts, Clock clock) {
        this.switchboard = switchboard;
        this.shifts = shifts;
        this.clock = clock;
        Set<String> signedIn = switchboard.agents().stream().map(agent -> agent.agent().username())
                .collect(Collectors.toSet());
        for (PresenceMark left : shifts.stillOnDuty()) {
            if (!signedIn.contains(left.username())) {
                shifts.mark(PresenceMark.offDuty(left.username(), left.at()));
            }
        }
        this.subscription = switchboard.subscribeHere(this);
    }

    @Override
    public void on(SwitchboardEvent event) {
        PresenceMark mark = switch (event) {
            case AgentPresenceChanged changed -> markOf(changed);
            case AgentSignedOut out -> PresenceMark.offDuty(out.username(), out.at());
            default -> null;
        };
        if (mark != null) {
            writer.execute(() -> keep(mark));
        }
    }

    private static PresenceMark markOf(AgentPresenceChanged changed) {
        AgentView agent = changed.agent();
        return new PresenceMark(agent.agent().username(), changed.at(), java.util.Optional.of(agent.presence()),
                agent.awayReason(), agent.currentCall().map(CallId::value));
    }

    private void keep(PresenceMark mark) {
        try {
            shifts.mark(mark);
        } catch (RuntimeException failed) {
            // A lost mark costs a line of a shift's view, never a call; the store says why in its own log.
            log.error("could not keep presence mark {}", mark, failed);
        }
    }

    /**
     * Stops listening and writes what is left, so a clean shutdown loses no mark; whoever is still on duty through
     * this node goes off duty now, when it stops taking calls.
     */
    @Override
    public void close() {
        subscription.close();
        Instant now = clock.instant();
        for (AgentView agent : switchboard.agentsHere()) {
            PresenceMark off = PresenceMark.offDuty(agent.agent().username(), now);
            writer.execute(() -> keep(off));
        }
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("presence marks still unwritten at shutdown");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every mark published so far is written; for tests and shutdown. */
    void flush() {
        try {
            writer.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception notFlushed) {
            throw new IllegalStateException("presence marks were not written in time", notFlushed);
        }
    }
}
