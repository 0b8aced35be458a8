package ir.hotline137.outbound.sms;

import java.util.List;
import java.util.Objects;

/** What the SMS centre did with one message. */
public sealed interface SmsOutcome {

    /** Accepted; the centre's message id of each part, whose delivery receipts name them. */
    record Accepted(List<String> messageIds) implements SmsOutcome {
        public Accepted {
            messageIds = List.copyOf(messageIds);
            if (messageIds.isEmpty()) {
                throw new IllegalArgumentException("an accepted message has at least one id");
            }
        }
    }

    /** Refused for good: a number the network does not know. */
    record Refused(String why) implements SmsOutcome {
        public Refused {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * Sent, or part of it, with no answer: the centre may have it, so it is not sent again on its own (a second SMS
     * is worse than none).
     */
    record Uncertain(String why) implements SmsOutcome {
        public Uncertain {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * Not now, and nothing of it went out: the centre cannot be reached or bound, is throttling, or answered in a way
     * worth trying again later.
     */
    record Unavailable(String why) implements SmsOutcome {
        public Unavailable {
            Objects.requireNonNull(why, "why");
        }
    }
}
