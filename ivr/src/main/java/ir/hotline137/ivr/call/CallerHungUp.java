package ir.hotline137.ivr.call;

/**
 * The caller is gone: Asterisk reported the hang-up, or the connection ended. Thrown from whatever the
 * flow was doing and caught once, at the top of the call, where the call is wound up. It carries no stack
 * trace: a hang-up is the ordinary end of many calls, not an error.
 */
public final class CallerHungUp extends RuntimeException {
    public CallerHungUp(String when) {
        super("caller hung up " + when, null, false, false);
    }
}
