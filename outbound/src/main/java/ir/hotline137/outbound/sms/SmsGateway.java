package ir.hotline137.outbound.sms;

/** Sends one SMS; the outbox has already recorded the attempt as begun. */
public interface SmsGateway extends AutoCloseable {

    /** @param to the citizen's number as the requests keep it (e.g. 09121234567) */
    SmsOutcome send(String to, String text);

    @Override
    void close();
}
