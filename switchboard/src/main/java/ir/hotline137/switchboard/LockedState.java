package ir.hotline137.switchboard;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
    private final ReentrantLock lock = new ReentrantLock();
    private final OrderedEvents<E> events;

    /** @param owner named in the log when a listener fails */
    public LockedState(String owner) {
        this.events = new OrderedEvents<>(owner);
    }

    /** Runs a change under the lock, then delivers the events it made (and any others waiting) without it. */
    public <T> T change(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
            events.deliver();
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
