package ir.hotline137.outbound.sms;

/** What the SMS centre sends us: delivery receipts for our messages, and citizens' own messages. */
public interface SmsListener {

    /** @param state SMPP's final state, e.g. DELIVRD, UNDELIV, EXPIRED, REJECTD */
    void receipt(String messageId, String state);

    /** A citizen's SMS to the hotline's number. */
    void message(String from, String text);
}
