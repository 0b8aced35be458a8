package ir.hotline137.console.open311;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The GeoReport API and the keys of its clients. From the application: the clients' store
 * ({@code ApiClients}), the district boundaries and the settings.
 */
@Configuration(proxyBeanMethods = false)
@Import({GeoReportApi.class, ApiKeysApi.class})
public class Open311Configuration {

    @Bean
    ApiKeys apiKeys(ApiClients clients, Clock clock) {
        return new ApiKeys(clients, clock);
    }
}
