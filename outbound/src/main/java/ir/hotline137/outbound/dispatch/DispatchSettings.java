package ir.hotline137.outbound.dispatch;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the outbox is worked ({@code hotline.outbound.*}).
 *
 * @param attempts  how many tries a notification gets before it is given up
 * @param spacing   how long after a busy, unanswered or unreachable try the next one may be
 * @param every     how often the outbox is looked at
 * @param batch     how many due notifications one look sends at most
 * @param doNotCall numbers never to be called or sent an SMS, as the requests keep them (digits)
 */
public record DispatchSettings(int attempts, Duration spacing, Duration every, int batch, Set<String> doNotCall) {
    public DispatchSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(every, "every");
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, not " + batch);
        }
        doNotCall = Set.copyOf(doNotCall);
    }
}
