package ir.hotline137.mayor.meeting;

/**
 * What a meeting's state does not allow now (409): the request is fine in itself. {@code code} names what stood in
 * the way, so a screen can say it in Persian.
 */
public final class MeetingRefused extends RuntimeException {
    private final String code;

    public MeetingRefused(String code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    /** e.g. {@code registration-closed}, {@code not-routed}, {@code already-decided}. */
    public String code() {
        return code;
    }
}
