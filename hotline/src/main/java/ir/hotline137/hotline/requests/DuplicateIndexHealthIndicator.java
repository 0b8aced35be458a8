package ir.hotline137.hotline.requests;

import ir.hotline137.requests.duplicates.DuplicateIndex;
import ir.hotline137.requests.store.RequestStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * /actuator/health "duplicateIndex": up when it holds every stored request at the store's revision; down
 * when it has fallen behind (new requests would not be found as duplicates).
 */
@Component
class DuplicateIndexHealthIndicator extends AbstractHealthIndicator {
    private final DuplicateIndex index;
    private final RequestStore store;

    DuplicateIndexHealthIndicator(DuplicateIndex index, RequestStore store) {
        super("duplicate index check failed");
        this.index = index;
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long indexed = index.size();
        long stored = store.count();
        boolean current = indexed == stored && index.revision() == store.revision();
        (current ? builder.up() : builder.down())
                .withDetail("requests", indexed)
                .withDetail("revision", index.revision())
                .withDetail("durableRevision", index.durableRevision());
    }
}
