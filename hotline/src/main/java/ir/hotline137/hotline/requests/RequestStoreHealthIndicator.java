package ir.hotline137.hotline.requests;

import ir.hotline137.requests.store.RequestStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** /actuator/health "requestStore": up when the store answers; how many requests, at which revision. */
@Component
class RequestStoreHealthIndicator extends AbstractHealthIndicator {
    private final RequestStore store;

    RequestStoreHealthIndicator(RequestStore store) {
        super("request store check failed");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("requests", store.count()).withDetail("revision", store.revision());
    }
}
