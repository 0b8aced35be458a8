package ir.hotline137.hotline.requests;

import ir.hotline137.store.Storage;
import ir.hotline137.store.StorageHealth;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * /actuator/health "storage": up while the data folder takes writes; down, with the reason and since when,
 * while it refuses them (a full disk: resumes by itself) or has stopped them (a broken file: restart).
 */
@Component
class StorageHealthIndicator extends AbstractHealthIndicator {
    private final Storage storage;

    StorageHealthIndicator(Storage storage) {
        super("storage check failed");
        this.storage = storage;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        switch (storage.health()) {
            case StorageHealth.Writing w -> builder.up().withDetail("journalEnd", w.journalEnd());
            case StorageHealth.Refusing r -> builder.down().withDetail("refusingWrites", r.reason())
                    .withDetail("since", r.since().toString()).withDetail("restartNeeded", false);
            case StorageHealth.Stopped s -> builder.down().withDetail("refusingWrites", s.reason())
                    .withDetail("since", s.since().toString()).withDetail("restartNeeded", true);
        }
    }
}
