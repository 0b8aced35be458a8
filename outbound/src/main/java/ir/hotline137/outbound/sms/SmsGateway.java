package ir.hotline137.outbound.sms;

/** Sends one SMS (the outbox has already recorded the attempt as begun), and hears what the centre sends back. */
public interface SmsGateway extends AutoCloseable {

    /** @param to the citizen's number as the requests keep it (e.g. 09121234567) */
    SmsOutcome send(String to, String text);

    /**
     * Binds if not bound, so that receipts and citizens' messages reach {@code listener}; a centre that cannot be
     * reached now is tried again at the next call.
     */
    void keepBound(SmsListener listener);

    @Override
    void close();
}
