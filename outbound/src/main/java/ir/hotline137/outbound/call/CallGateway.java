package ir.hotline137.outbound.call;

/** Places calls to citizens. */
public interface CallGateway extends AutoCloseable {
    /**
     * Rings {@code number} and, if answered, hands the call to the notice script for notification {@code notice}.
     * Blocks until the network says how it went (up to the ring time and a little more) and, when answered, until
     * the call ends: a call in progress holds a line of the trunk.
     *
     * @param attempt the attempt's number, so each try is told apart in the manager interface's log
     */
    CallOutcome call(long notice, int attempt, String number);

    @Override
    void close();
}
