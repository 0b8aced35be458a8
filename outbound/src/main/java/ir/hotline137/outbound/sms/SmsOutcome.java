package ir.hotline137.outbound.sms;

import java.util.Objects;

/** What the SMS centre did with one message. */
public sealed interface SmsOutcome {

    /** Accepted; the centre's message id (of the first part) tracks it. */
    record Accepted(String messageId) implements SmsOutcome {
        public Accepted {
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /** Refused for good: a number the network does not know. */
    record Refused(String why) implements SmsOutcome {
        public Refused {
            Objects.requireNonNull(why, "why");
        }
    }

    /** Not now: the centre cannot be reached, is throttling, or answered in a way worth trying again later. */
    record Unavailable(String why) implements SmsOutcome {
        public Unavailable {
            Objects.requireNonNull(why, "why");
        }
    }
}
