package ir.hotline137.hotline.outbound;

import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.outbound.dispatch.Dispatcher;
import ir.hotline137.outbound.notices.CitizenMessages;
import ir.hotline137.outbound.notices.LateDigest;
import ir.hotline137.outbound.notices.NoticeWriter;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.sms.SmppGateway;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.store.RequestStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Works the outbox once the application is ready, when an SMS centre is set ({@code hotline.sms.host}). Without one no
 * notice is made at all, so setting it later does not send a backlog of old news: notices begin from that start.
 */
public final class OutboundWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboundWorker.class);

    private final HotlineProperties properties;
    private final MapDbOutbox outbox;
    private final RequestStore store;
    private final RequestDesk desk;
    private final Clock clock;
    private SmppGateway sms;
    private Dispatcher dispatcher;

    OutboundWorker(HotlineProperties properties, MapDbOutbox outbox, RequestStore store, RequestDesk desk,
                   Clock clock) {
        this.properties = properties;
        this.outbox = outbox;
        this.store = store;
        this.desk = desk;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (!properties.sms().isConfigured()) {
            log.info("no SMS centre is set (hotline.sms.host): citizens are not sent SMS");
            return;
        }
        sms = new SmppGateway(properties.sms().settings());
        dispatcher = new Dispatcher(outbox, new NoticeWriter(store, outbox, properties.outbound().tellReferrals(),
                clock), new LateDigest(desk, outbox, properties.units().headNumbers(),
                properties.outbound().supervisors(), clock), sms, new CitizenMessages(outbox, desk, properties.sms().replies(), clock),
                properties.outbound().hours(clock.getZone()), properties.outbound().dispatch(), clock);
        dispatcher.start();
        log.info("citizens are sent SMS through {}:{} within {}", properties.sms().host(), properties.sms().port(),
                properties.outbound().callingHours());
    }

    @Override
    public synchronized void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (sms != null) {
            sms.close();
        }
    }
}
