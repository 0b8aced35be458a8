package ir.hotline137.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An IVR-like thread blocked in a timed wait, for tests of what wakes it. */
public final class ParkedThread {
    private ParkedThread() {
    }

    /** Starts {@code wait} on a thread of its own and returns once that thread is parked inside it (or done). */
    public static <T> CompletableFuture<T> waitingIn(Callable<T> wait) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread ivr = Thread.ofPlatform().daemon().start(() -> {
            try {
                result.complete(wait.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ivr.getState() != Thread.State.TIMED_WAITING && !result.isDone()) {
            assertThat(System.nanoTime()).as("IVR thread parked in time").isLessThan(deadline);
            Thread.sleep(1);
        }
        return result;
    }
}
