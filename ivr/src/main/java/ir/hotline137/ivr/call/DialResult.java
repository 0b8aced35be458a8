package ir.hotline137.ivr.call;

/**
 * How a bridge to another phone ended.
 *
 * @param status       Asterisk's DIALSTATUS: ANSWER, NOANSWER, BUSY, CHANUNAVAIL, CONGESTION or CANCEL
 * @param callerHungUp the caller is gone (after the conversation, or while it was still ringing)
 */
public record DialResult(String status, boolean callerHungUp) {
    public static final String ANSWER = "ANSWER";

    public boolean answered() {
        return ANSWER.equals(status);
    }
}
