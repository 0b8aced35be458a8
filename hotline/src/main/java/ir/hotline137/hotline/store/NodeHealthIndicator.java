package ir.hotline137.hotline.store;

import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.hotline.requests.IndexFollowing;
import ir.hotline137.requests.store.RequestStore;
import java.util.Locale;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * /actuator/health "node" (its details at /actuator/health/cluster, without a login): the store's kind, this node's
 * name, and on PostgreSQL how many revisions its duplicate index is behind the store. Down when the store cannot be
 * read.
 */
@Component
class NodeHealthIndicator extends AbstractHealthIndicator {
    private final Stores stores;
    private final HotlineProperties properties;
    private final RequestStore store;
    private final IndexFollowing following;

    NodeHealthIndicator(Stores stores, HotlineProperties properties, RequestStore store, IndexFollowing following) {
        super("node check failed");
        this.stores = stores;
        this.properties = properties;
        this.store = store;
        this.following = following;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("store", stores.kind().name().toLowerCase(Locale.ROOT))
                .withDetail("node", properties.nodeName());
        if (stores.database().isPresent()) {
            builder.withDetail("indexLag", following.lag(store));
        }
        builder.up();
    }
}
