package ir.hotline137.console.board;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.switchboard.Agent;
import ir.hotline137.switchboard.Subscription;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.SwitchboardEvent;
import ir.hotline137.switchboard.SwitchboardListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
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
 * make them flicker out of colleagues' lists; someone on a call stays signed in until the call ends.
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
    /** Open screens per username; absent means none. */
    private final Map<String, Integer> openScreens = new ConcurrentHashMap<>();
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
        screens.add(screen);
        openScreens.merge(person.username(), 1, Integer::sum);
        person.dialString().ifPresent(phone ->
                switchboard.signIn(new Agent(person.username(), person.username(), phone)));
        return screen;
    }

    /** The whole board now, as the first message of a screen. */
    public String snapshot() {
        return write(new BoardMessage.Snapshot(clock.instant(),
                switchboard.waitingCalls().stream().map(BoardCall::of).toList(),
                switchboard.agents().stream().map(BoardAgent::of).toList()));
    }

    /** The screen was closed (page left, network gone); safe to call twice. */
    public void close(Screen screen) {
        if (!screens.remove(screen)) {
            return;
        }
        Integer left = openScreens.computeIfPresent(screen.username, (name, open) -> open == 1 ? null : open - 1);
        if (left == null) {
            scheduler.schedule(() -> signOutIfGone(screen.username), signOutGrace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Screens open now, for the figures and for tests. */
    public int screenCount() {
        return screens.size();
    }

    @Override
    public void on(SwitchboardEvent event) {
        String text = write(BoardMessage.of(event));
        for (Screen screen : screens) {
            screen.offer(text);
        }
        if (event instanceof SwitchboardEvent.CallEnded ended) {
            // Someone who closed their board during a call could not be signed out then; now they can.
            signOutIfGone(ended.agentUsername());
        }
    }

    private void signOutIfGone(String username) {
        if (openScreens.containsKey(username)) {
            return;
        }
        try {
            switchboard.signOut(username);
        } catch (IllegalStateException onACall) {
            log.debug("{} closed the board during a call; signed out when it ends", username);
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

        private Screen(String username) {
            this.username = username;
        }

        /** Changes in order, from after the screen was opened; ends in an error if the screen fell too far behind. */
        public Flux<String> changes() {
            return backlog.asFlux();
        }

        // Called only from the switchboard's delivery, which is one thread at a time.
        private void offer(String text) {
            Sinks.EmitResult result = backlog.tryEmitNext(text);
            if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
                backlog.tryEmitError(new ScreenFellBehind(username));
            }
        }
    }

    /** A screen did not take its messages for {@value #BACKLOG} changes; its page starts again. */
    public static final class ScreenFellBehind extends RuntimeException {
        ScreenFellBehind(String username) {
            super("a board of " + username + " fell " + BACKLOG + " changes behind and was closed; it reconnects", null,
                    false, false);
        }
    }
}
