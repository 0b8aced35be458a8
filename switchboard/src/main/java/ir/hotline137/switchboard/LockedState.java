package ir.hotline137.switchboard;

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
 * <p>Nothing here waits for anything but the lock: the IVR holding a caller looks at the line again and again
 * between short listens for the hang-up, and a look waits at most for the change being made.
 *
 * @param <E> the line's event type
 */
public final class LockedState<E> {
    private static final Logger log = LoggerFactory.getLogger(LockedState.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final String owner;
    private final OrderedEvents<E> events;
    /** Keeps each change on record, or null for a line that keeps nothing. */
    private final Consumer<List<E>> keeper;
    /** The events of the change being made, for the keeper; guarded by the lock. */
    private final List<E> unkept = new ArrayList<>();

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
     * any others waiting) to the listeners.
     */
    public <T> T change(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            try {
                keep();
            } finally {
                lock.unlock();
                events.deliver();
            }
        }
    }

    private void keep() {
        if (unkept.isEmpty()) {
            return;
        }
        List<E> change = List.copyOf(unkept);
        unkept.clear();
        try {
            keeper.accept(change);
        } catch (RuntimeException e) {
            // A live line must not stop because its record cannot be written (a full disk): someone must know.
            log.error("{} change not kept on record: {}", owner, change, e);
        }
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

    /** Queues an event for the listeners; only from inside {@link #change}. */
    public void emit(E event) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("events are made by changes, under the lock");
        }
        events.add(event);
        if (keeper != null) {
            unkept.add(event);
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
