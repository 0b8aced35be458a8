package ir.hotline137.outbound.dispatch;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the outbox is worked ({@code hotline.outbound.*}).
 *
 * @param spacing   how long after a try the centre could not take the next one may be
 * @param every     how often the outbox is looked at
 * @param batch     how many due notifications one look sends at most
 * @param doNotCall numbers never to be called or sent an SMS, as the requests keep them (digits)
 */
public record DispatchSettings(Duration spacing, Duration every, int batch, Set<String> doNotCall) {
    public DispatchSettings {
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(every, "every");
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, not " + batch);
        }
        doNotCall = Set.copyOf(doNotCall);
    }
}
