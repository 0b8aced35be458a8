package ir.hotline137.hotline.requests;

import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.hotline.store.Stores;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.category.CategorySuggester;
import ir.hotline137.requests.duplicates.DuplicateIndex;
import ir.hotline137.requests.duplicates.FollowedIndex;
import ir.hotline137.requests.duplicates.IndexReconciliation;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.requests.store.PostgresRequestStore;
import ir.hotline137.requests.store.RequestStore;
import ir.hotline137.store.DataFolder;
import ir.hotline137.store.Storage;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded store and index under the data folder, reconciled at start, and the desk over them. */
@Configuration(proxyBeanMethods = false)
public class RequestsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RequestsConfiguration.class);

    /** The data folder, locked for this process, with its journal; closed last, after every store on it. */
    @Bean(destroyMethod = "close")
    Storage storage(HotlineProperties properties) {
        Storage storage = Storage.open(properties.dataDir(), properties.embeddedStore().settings());
        log.info("data folder: {}", storage.folder().root());
        return storage;
    }

    @Bean
    DataFolder dataFolder(Storage storage) {
        return storage.folder();
    }

    @Bean(destroyMethod = "close")
    RequestStore requestStore(Stores stores) {
        return stores.pick(MapDbRequestStore::open, PostgresRequestStore::open);
    }

    @Bean(destroyMethod = "close")
    DuplicateIndex duplicateIndex(DataFolder folder, RequestStore store, HotlineProperties properties) {
        LuceneDuplicateIndex index = RequestsAssembly.openIndex(folder, properties);
        IndexReconciliation.Outcome outcome = IndexReconciliation.reconcile(store, index);
        log.info("duplicate index: {}", outcome);
        return index;
    }

    /** Makes the index durable now and then; between checkpoints a crash costs only a short catch-up. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService indexCheckpoints(DuplicateIndex index, HotlineProperties properties) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("index-checkpoint").daemon().factory());
        long every = Math.max(1, properties.duplicates().commitInterval().toMillis());
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (index.revision() != index.durableRevision()) {
                    index.commit();
                }
            } catch (RuntimeException e) {
                log.warn("duplicate index checkpoint failed; retried at the next one", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return timer;
    }

    @Bean
    CategorySuggester categorySuggester(HotlineProperties properties) {
        return new CategorySuggester(properties.categories(), properties.fallbackCategory());
    }

    @Bean
    Clock clock(HotlineProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /**
     * On a cluster's store the desk does not write the index itself: the node's follower does, in the order the store
     * committed, whichever node made the change (FollowedIndex says why).
     */
    @Bean
    RequestDesk requestDesk(RequestStore store, DuplicateIndex index, CategorySuggester suggester,
                            HotlineProperties properties, Stores stores, Clock clock) {
        DuplicateIndex desks = stores.database().isPresent() ? new FollowedIndex(index) : index;
        return new RequestDesk(store, desks, properties.districts(), properties.categories(), suggester, clock,
                new SecureRandom());
    }

    /** On a cluster's store: the index follows every node's changes, woken by each commit. */
    @Bean(destroyMethod = "close")
    IndexFollowing indexFollowing(Stores stores, RequestStore store, DuplicateIndex index) {
        return stores.database().map(database -> IndexFollowing.start(database, store, index))
                .orElseGet(IndexFollowing::none);
    }
}
