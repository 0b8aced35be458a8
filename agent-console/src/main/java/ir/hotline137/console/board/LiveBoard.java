package ir.hotline137.console.board;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.Role;
import ir.hotline137.switchboard.Agent;
import ir.hotline137.switchboard.Subscription;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.SwitchboardEvent;
import ir.hotline137.switchboard.SwitchboardListener;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans switchboard changes out to every open board. Each change is turned into JSON once, whatever the number
 * of screens, and handed to each screen's own bounded backlog; the switchboard's thread (often a caller's call
 * thread) never waits for a network write. A screen that falls a whole backlog behind is dropped: its page
 * reconnects and starts again from a fresh snapshot, which is cheaper and more honest than holding up the others
 * or quietly skipping changes.
 *
 * <p>Opening a board brings its person on duty (signed in to the switchboard as available) if they have a phone
 * to take calls on. Closing the last one signs them out after a grace period, so reloading the page does not
 * make them flicker out of colleagues' lists; someone on a call stays signed in until the call is over.
 */
public final class LiveBoard implements SwitchboardListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveBoard.class);
    /** Changes a screen may be behind before it is dropped: many minutes of a busy switchboard. */
    static final int BACKLOG = 1024;

    private final Switchboard switchboard;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration signOutGrace;
    private final Scheduler scheduler;
    private final Set<Screen> screens = ConcurrentHashMap.newKeySet();
    /**
     * Who is on duty through a board, guarded by itself. Opening, closing and signing out happen under it, so a
     * page reloaded at the moment the grace period runs out cannot end up open but off duty. Lock order: this,
     * then the switchboard's lock. A change on a cluster's switchboard waits until its events are told here, so the
     * listener never takes this lock on the thread telling them: what it does under it is handed to the scheduler.
     */
    private final Object duty = new Object();
    /** Open screens per username; absent means none. */
    private final Map<String, Integer> openScreens = new HashMap<>();
    /** Bumped by every opening, so a grace timer started before a later opening does nothing. */
    private final Map<String, Long> openings = new HashMap<>();
    /** The agents with a screen open here who take calls, as they signed in; guarded by {@link #duty}. */
    private final Map<String, Agent> onDuty = new HashMap<>();
    /** The agent each taken call went to, for the changes that end a call without naming the agent. */
    private final Map<String, String> agentOfCall = new ConcurrentHashMap<>();
    private final Subscription subscription;

    public LiveBoard(Switchboard switchboard, JsonMapper json, Clock clock, Duration signOutGrace, Scheduler scheduler) {
        this.switchboard = Objects.requireNonNull(switchboard, "switchboard");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signOutGrace = Objects.requireNonNull(signOutGrace, "signOutGrace");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.subscription = switchboard.subscribe(this);
    }

    /**
     * Opens a screen for a person: from now on it receives every change. Take the {@link #snapshot()} after
     * this, so nothing falls between the picture and the first change (a change may arrive twice, which the page
     * applies idempotently, but never not at all).
     */
    public Screen open(ConsoleUser person) {
        Screen screen = new Screen(person.username());
        synchronized (duty) {
            screens.add(screen);
            openScreens.merge(person.username(), 1, Integer::sum);
            openings.merge(person.username(), 1L, Long::sum);
            if (takesCalls(person)) {
                person.asAgent().ifPresent(agent -> {
                    onDuty.put(agent.username(), agent);
                    switchboard.signIn(agent);
                });
            }
        }
        return screen;
    }

    /** Agents and supervisors with a phone answer callers; moderators and the mayor only watch the board here. */
    public static boolean takesCalls(ConsoleUser person) {
        return person.dialString().isPresent()
                && (person.roles().contains(Role.AGENT) || person.roles().contains(Role.SUPERVISOR));
    }

    /** The whole board now, as the first message of a screen. */
    public String snapshot() {
        return write(new BoardMessage.Snapshot(clock.instant(),
                switchboard.waitingCalls().stream().map(BoardCall::of).toList(),
                switchboard.agents().stream().map(BoardAgent::of).toList()));
    }

    /** The screen was closed (page left, network gone); safe to call twice. */
    public void close(Screen screen) {
        synchronized (duty) {
            if (!screens.remove(screen)) {
                return;
            }
            String username = screen.username;
            if (openScreens.computeIfPresent(username, (name, open) -> open == 1 ? null : open - 1) == null) {
                long opening = openings.getOrDefault(username, 0L);
                scheduler.schedule(() -> signOutAfterGrace(username, opening), signOutGrace.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void on(SwitchboardEvent event) {
        String text = write(message(event));
        for (Screen screen : screens) {
            screen.offer(text);
        }
        // Someone who closed their board during a call could not be signed out then; once the call is over
        // (ended, returned unanswered, or abandoned while ringing) they can.
        switch (event) {
            case SwitchboardEvent.CallAssigned assigned -> agentOfCall.put(assigned.id().value(), assigned.agentUsername());
            case SwitchboardEvent.CallEnded ended -> later(() -> afterCall(ended.id().value()));
            case SwitchboardEvent.CallReturned returned -> later(() -> afterCall(returned.id().value()));
            case SwitchboardEvent.CallLeftQueue left when left.reason() != SwitchboardEvent.LeaveReason.ASSIGNED ->
                    later(() -> afterCall(left.id().value()));
            // Another node signed out an agent whose screen is still open here (a tab on each): back on duty.
            case SwitchboardEvent.AgentSignedOut out -> later(() -> backOnDuty(out.username()));
            default -> {
            }
        }
    }

    /**
     * A returned call is waiting again: the message carries it as it is now, so a screen need not fetch the queue
     * (and race the changes that follow). Empty if it has already left again; that change follows.
     */
    private BoardMessage message(SwitchboardEvent event) {
        if (event instanceof SwitchboardEvent.CallReturned returned) {
            return new BoardMessage.CallReturned(returned.at(), returned.id().value(), returned.agentUsername(),
                    switchboard.call(returned.id()).filter(view -> view.assignedTo().isEmpty()).map(BoardCall::of)
                            .orElse(null));
        }
        return BoardMessage.of(event);
    }

    private void later(Runnable work) {
        scheduler.schedule(work);
    }

    private void backOnDuty(String username) {
        synchronized (duty) {
            Agent agent = onDuty.get(username);
            if (agent != null && openScreens.containsKey(username)) {
                switchboard.signIn(agent);
            }
        }
    }

    private void afterCall(String callId) {
        String username = agentOfCall.remove(callId);
        if (username == null) {
            return;
        }
        synchronized (duty) {
            if (!openScreens.containsKey(username)) {
                signOut(username);
            }
        }
    }

    private void signOutAfterGrace(String username, long opening) {
        synchronized (duty) {
            if (!openScreens.containsKey(username) && openings.getOrDefault(username, 0L) == opening) {
                signOut(username);
            }
        }
    }

    /** Signs out an agent with no screen open here, unless they signed in through another node of a cluster since. */
    private void signOut(String username) {
        onDuty.remove(username);
        try {
            switchboard.signOutHere(username);
        } catch (IllegalStateException onACall) {
            log.debug("{} closed the board during a call; signed out when it is over", username);
        }
    }

    private String write(BoardMessage message) {
        return json.writeValueAsString(message);
    }

    @Override
    public void close() {
        subscription.close();
    }

    /** One open board: its own bounded backlog of messages, written to its socket as fast as the socket takes them. */
    public static final class Screen {
        private final String username;
        private final Sinks.Many<String> backlog = Sinks.many().unicast().onBackpressureBuffer(Queues.<String>get(BACKLOG).get());
        /** Apart from the backlog: an error put into the backlog would wait behind the messages it could not send. */
        private final Sinks.Empty<Void> dropped = Sinks.empty();

        private Screen(String username) {
            this.username = username;
        }

        /** Changes in order, from after the screen was opened. */
        public Flux<String> changes() {
            return backlog.asFlux();
        }

        /** Completes when the screen fell {@value #BACKLOG} changes behind: close it, and its page starts again. */
        public Mono<Void> dropped() {
            return dropped.asMono();
        }

        // Called only from the switchboard's delivery, which is one thread at a time.
        private void offer(String text) {
            if (backlog.tryEmitNext(text) == Sinks.EmitResult.FAIL_OVERFLOW
                    && dropped.tryEmitEmpty() == Sinks.EmitResult.OK) {
                log.warn("a board of {} fell {} changes behind and is closed; its page reconnects", username, BACKLOG);
            }
        }
    }
}
