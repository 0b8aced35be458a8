package ir.hotline137.hotline.store;

import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.store.Storage;
import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store the deployment chose, opened at start: a PostgreSQL that cannot be reached stops the start, saying so. */
@Configuration(proxyBeanMethods = false)
public class StoreAssembly {
    private static final Logger log = LoggerFactory.getLogger(StoreAssembly.class);
    /** How often this node tells the cluster it is alive (a node silent for ClusterNode.SILENCE is taken for dead). */
    public static final Duration BEAT = Duration.ofSeconds(5);

    @Bean(destroyMethod = "close")
    Stores stores(HotlineProperties properties, Storage storage) {
        if (properties.storeKind() == HotlineProperties.StoreKind.POSTGRESQL) {
            PostgresDatabase database = PostgresDatabase.open(properties.postgresql().settings());
            ClusterNode node = ClusterNode.join(database, properties.nodeName(), BEAT);
            log.info("node {}: everything kept in PostgreSQL at {}", properties.nodeName(),
                    properties.postgresql().url());
            return new Stores(properties.storeKind(), storage, Optional.of(database), Optional.of(node));
        }
        log.info("node {}: everything kept in the data folder", properties.nodeName());
        return new Stores(properties.storeKind(), storage, Optional.empty(), Optional.empty());
    }
}
