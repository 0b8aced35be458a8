package ir.hotline137.switchboard;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events made under their owner's lock and handed to listeners after it is released, so a slow or re-entrant
 * listener can neither block nor deadlock the owner, yet every listener sees them one at a time and in the order
 * the changes were made. The event half of {@link LockedState}, which every live line is built on.
 *
 * @param <E> the owner's event type
 */
final class OrderedEvents<E> {
    private static final Logger log = LoggerFactory.getLogger(OrderedEvents.class);

    private final String owner;
    /** Appended only under the owner's lock, so its order is the order of the changes. */
    private final Queue<E> undelivered = new ConcurrentLinkedQueue<>();
    /** Held by the one thread delivering. */
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final List<Registration> listeners = new CopyOnWriteArrayList<>();
    /** Told of each event once every listener has been: how an owner learns how far delivery has got. */
    private final Consumer<? super E> afterEach;
    /** The thread delivering, while one is. */
    private volatile Thread deliverer;
    /** How many events were queued; under the owner's lock. */
    private long queued;
    /** How many events every listener has been told of; guarded by {@link #progress}. */
    private long told;
    private final Object progress = new Object();

    /** @param owner named in the log when a listener fails */
    OrderedEvents(String owner) {
        this(owner, event -> { });
    }

    /** @param afterEach told of each event after every listener */
    OrderedEvents(String owner, Consumer<? super E> afterEach) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.afterEach = Objects.requireNonNull(afterEach, "afterEach");
    }

    /** Whether this thread is delivering: a listener making a change, whose events it delivers after it returns. */
    boolean deliveringOnThisThread() {
        return deliverer == Thread.currentThread();
    }

    /** Queues an event; call it under the owner's lock. @return its number, for {@link #awaitTold} */
    long add(E event) {
        undelivered.add(Objects.requireNonNull(event, "event"));
        return ++queued;
    }

    /**
     * Returns once the events up to {@code number} have been told to every listener, or after {@code atMost}: a
     * change returns after its events are told, as its caller expects, even when another thread was telling when it
     * let go of the lock and so took its events to tell. A listener's own change cannot wait for itself: its events are
     * told after it returns.
     *
     * @return whether they were told in time
     */
    boolean awaitTold(long number, Duration atMost) {
        if (deliveringOnThisThread()) {
            return true;
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (progress) {
            while (told < number) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Registers a listener for every later event; close the subscription to stop. Subscribing the same listener
     * twice is two subscriptions.
     *
     * @param listener what the log names if it fails
     */
    Subscription subscribe(Object listener, Consumer<? super E> tell) {
        Registration registration = new Registration(Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(tell, "tell"));
        listeners.add(registration);
        return () -> listeners.remove(registration);
    }

    /**
     * Call after releasing the owner's lock. Whoever finds events waiting and nobody delivering delivers them all,
     * its own and others'; a thread that finds someone delivering leaves its events to them. The re-check after
     * letting go closes the gap between "queue empty" and "let go".
     */
    void deliver() {
        while (!undelivered.isEmpty() && delivering.compareAndSet(false, true)) {
            deliverer = Thread.currentThread();
            try {
                E event;
                while ((event = undelivered.poll()) != null) {
                    try {
                        for (Registration registration : listeners) {
                            registration.tell(event);
                        }
                        afterEach.accept(event);
                    } finally {
                        // Counted even if a listener threw an Error: a change waiting for it must not wait for ever.
                        synchronized (progress) {
                            told++;
                            progress.notifyAll();
                        }
                    }
                }
            } finally {
                deliverer = null;
                delivering.set(false);
            }
        }
    }

    /** Compared by identity. A failing listener is logged and the others are still told. */
    private final class Registration {
        private final Object listener;
        private final Consumer<? super E> tell;

        Registration(Object listener, Consumer<? super E> tell) {
            this.listener = listener;
            this.tell = tell;
        }

        void tell(E event) {
            try {
                tell.accept(event);
            } catch (RuntimeException e) {
                log.warn("{} listener {} failed on {}; the others are still told", owner, listener, event, e);
            }
        }
    }
}
