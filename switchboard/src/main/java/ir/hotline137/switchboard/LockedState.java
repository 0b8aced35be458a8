package ir.hotline137.switchboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one design both live lines share (the switchboard's queue and the mayor's line): a single lock guards all
 * their state, since each change is short (a few list operations; for the mayor's line, one durable write too) and
 * one lock makes every race (two agents accepting one
 * call, the moderator approving as the caller hangs up) plainly atomic; the events a change makes are collected
 * under the lock in the order of the changes and handed to listeners after it is released
 * ({@link OrderedEvents}), so a slow or re-entrant listener can neither block nor deadlock the line.
 *
 * <p>A look waits for nothing but the lock: the IVR holding a caller looks at the line again and again between short
 * listens for the hang-up, and a look waits at most for the change being made. A change returns once its events are
 * told, so whoever made it can count on every listener knowing; when another thread is telling at that moment (and
 * so tells these too), the change waits for it, without the lock.
 *
 * @param <E> the line's event type
 */
public final class LockedState<E> {
    private static final Logger log = LoggerFactory.getLogger(LockedState.class);
    /** How long a change waits for its events to be told by another thread telling them: a moment, normally. */
    private static final Duration TELLING_WAIT = Duration.ofSeconds(5);

    private final ReentrantLock lock = new ReentrantLock();
    private final String owner;
    private final OrderedEvents<E> events;
    /** Keeps each change on record, or null for a line that keeps nothing. */
    private final Consumer<List<E>> keeper;
    /** The number of the last event queued for the listeners; guarded by the lock. */
    private long lastQueued;
    /** The events of the change being made; guarded by the lock. */
    private final List<E> made = new ArrayList<>();

    /** A line whose changes are told to listeners only. @param owner named in the log when a listener fails */
    public LockedState(String owner) {
        this(owner, null);
    }

    /**
     * A line that keeps a record of itself: {@code keeper} is handed each change's events together, under the lock,
     * before the change returns, so the record is never behind the line and one change is one write.
     */
    public LockedState(String owner, Consumer<List<E>> keeper) {
        this.owner = owner;
        this.events = new OrderedEvents<>(owner);
        this.keeper = keeper;
    }

    /**
     * Runs a change under the lock and has the keeper keep its events; then, without the lock, delivers them (and
     * any others waiting) to the listeners. A change that throws made no events: what it emitted is dropped, so
     * neither the record nor a screen is told of a change that did not happen (a shared line's transaction that
     * failed to commit).
     */
    public <T> T change(Supplier<T> action) {
        long[] through = {0};
        try {
            return changeUntold(action, through);
        } finally {
            tell(through[0]);
        }
    }

    /**
     * Like {@link #change}, but leaves the telling to {@link #tell}: for a change made inside something that must be
     * over before anyone is told (a shared line's transaction, whose connection a listener's own change must not
     * find taken).
     *
     * @param through set to the number of this change's last event queued, or 0 when it queued none
     */
    public <T> T changeUntold(Supplier<T> action, long[] through) {
        lock.lock();
        // A change made inside another (a line's helper) is part of it: the outermost one tells its events.
        boolean outermost = lock.getHoldCount() == 1;
        long before = lastQueued;
        try {
            T result = action.get();
            if (outermost) {
                made.forEach(event -> lastQueued = events.add(event));
                keep();
            }
            return result;
        } finally {
            if (outermost) {
                made.clear();
                through[0] = lastQueued > before ? lastQueued : 0;
            }
            lock.unlock();
        }
    }

    /**
     * Tells the listeners the events waiting, without the lock, and returns once those up to {@code through} are
     * told (another thread may be telling them).
     */
    public void tell(long through) {
        events.deliver();
        if (through > 0 && !events.awaitTold(through, TELLING_WAIT)) {
            log.warn("{} change returns before its events were told ({} later)", owner, TELLING_WAIT);
        }
    }

    private void keep() {
        if (keeper == null || made.isEmpty()) {
            return;
        }
        List<E> change = List.copyOf(made);
        try {
            keeper.accept(change);
        } catch (RuntimeException e) {
            // A live line must not stop because its record cannot be written (a full disk): someone must know.
            log.error("{} change not kept on record: {}", owner, change, e);
        }
    }

    /** The events the change under way has emitted so far, for a line that keeps them itself; only under the lock. */
    public List<E> made() {
        requireLock();
        return List.copyOf(made);
    }

    /** Reads under the lock: a consistent view, never half a change. */
    public <T> T read(Supplier<T> view) {
        lock.lock();
        try {
            return view.get();
        } finally {
            lock.unlock();
        }
    }

    /** Queues an event for the listeners (and the keeper) once the change returns; only inside {@link #change}. */
    public void emit(E event) {
        requireLock();
        made.add(event);
    }

    /**
     * Queues an event another node's change made, for the listeners only (its record was kept where it was made), and
     * at once: it stands whether or not the change under way does. Only under the lock, so it keeps its place among
     * this line's own events.
     */
    public void relay(E event) {
        requireLock();
        lastQueued = events.add(event);
    }

    private void requireLock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("events are made by changes, under the lock");
        }
    }

    /**
     * Registers a listener for every later event; close the subscription to stop.
     *
     * @param listener what the log names if it fails
     */
    public Subscription subscribe(Object listener, Consumer<? super E> tell) {
        return events.subscribe(listener, tell);
    }
}
