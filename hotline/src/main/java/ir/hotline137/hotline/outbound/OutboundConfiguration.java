package ir.hotline137.hotline.outbound;

import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.hotline.store.Stores;
import ir.hotline137.mayor.meeting.MeetingDesk;
import ir.hotline137.outbound.callback.CallbackDesk;
import ir.hotline137.outbound.callback.CallbackStore;
import ir.hotline137.outbound.callback.MapDbCallbacks;
import ir.hotline137.outbound.callback.PostgresCallbacks;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.outbound.outbox.PostgresOutbox;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.store.RequestStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** Telling citizens: the outbox is always there (a request's page lists what it holds); the worker when set up. */
@Configuration(proxyBeanMethods = false)
public class OutboundConfiguration {

    @Bean
    Outbox outbox(Stores stores) {
        return stores.pick(MapDbOutbox::open, database -> PostgresOutbox.open(database, stores.node()));
    }

    @Bean
    CallbackStore callbacks(Stores stores) {
        return stores.pick(MapDbCallbacks::open, database -> PostgresCallbacks.open(database, stores.node()));
    }

    @Bean
    CallExchange callExchange() {
        return new CallExchange();
    }

    /** Closed after the worker, whose closing of the manager connection wakes the callbacks it waits for. */
    @Bean(destroyMethod = "close")
    CallbackDesk callbackDesk(CallbackStore callbacks, CallExchange exchange, HotlineProperties properties,
                              Clock clock) {
        return new CallbackDesk(callbacks, exchange, properties.outbound().callSettings(), clock);
    }

    /** Closed before the callback desk, the outbox and the store it reads, which it depends on. */
    @Bean(destroyMethod = "close")
    @DependsOn("callbackDesk")
    OutboundWorker outboundWorker(HotlineProperties properties, Outbox outbox, RequestStore store,
                                  RequestDesk desk, CallExchange exchange, MeetingDesk meetings, Clock clock) {
        return new OutboundWorker(properties, outbox, store, desk, exchange, meetings, clock);
    }
}
