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

    /**
     * Rings an agent's phone ({@code agentChannel}, e.g. {@code PJSIP/101}) and, if answered, hands it to the script
     * that calls citizen back for callback {@code callback}. Blocks as {@link #call} does.
     */
    CallOutcome callAgent(long callback, int attempt, String agentChannel);

    @Override
    void close();
}
