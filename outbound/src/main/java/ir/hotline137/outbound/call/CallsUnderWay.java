package ir.hotline137.outbound.call;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The threads of the calls placed and not yet recorded, each on a virtual thread of its own, so that stopping can
 * wait for their ends to be written before the store closes.
 */
public final class CallsUnderWay {
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    /** Starts {@code call} on a virtual thread named {@code name}, counted before it starts. */
    public void start(String name, Runnable call) {
        Thread thread = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                call.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        });
        // Before it starts: a stop that comes now waits for it too.
        threads.add(thread);
        thread.start();
    }

    /** Waits up to {@code patience} in all for them to end. */
    public void await(Duration patience) {
        long end = System.nanoTime() + patience.toNanos();
        try {
            for (Thread call : Set.copyOf(threads)) {
                long left = end - System.nanoTime();
                if (left <= 0 || !call.join(Duration.ofNanos(left))) {
                    return;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
