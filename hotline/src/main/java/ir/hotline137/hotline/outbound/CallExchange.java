package ir.hotline137.hotline.outbound;

import ir.hotline137.outbound.call.CallGateway;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The manager interface the {@link OutboundWorker} logged in to, for the callbacks too. Its own bean, so that the
 * worker (which owns and closes the connection) can be stopped before the callback desk: closing the connection
 * wakes the callbacks waiting on it, and the desk then waits for them to be recorded before the store closes.
 */
public final class CallExchange implements Supplier<Optional<CallGateway>> {
    private volatile Optional<CallGateway> gateway = Optional.empty();

    void set(Optional<CallGateway> started) {
        gateway = started;
    }

    @Override
    public Optional<CallGateway> get() {
        return gateway;
    }
}
