package ir.hotline137.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something another thread brings about (a call on the queue, a call record written), looking
 * every 20 ms so that waiting does not take a core from the server under test.
 */
public final class Eventually {
    private Eventually() {
    }

    public static void await(BooleanSupplier condition, Duration limit) {
        await(condition, limit, () -> "");
    }

    /** @param state what to say about the present state if the limit passes */
    public static void await(BooleanSupplier condition, Duration limit, Supplier<String> state) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not true within " + limit + " " + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
