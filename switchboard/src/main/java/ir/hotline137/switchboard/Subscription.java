package ir.hotline137.switchboard;

/**
 * A listener's registration; closing it stops further events. An {@link AutoCloseable} that throws
 * nothing, so try-with-resources needs no catch. Closing twice is harmless.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
