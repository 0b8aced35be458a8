package ir.hotline137.hotline.outbound;

import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.mayor.meeting.MeetingDesk;
import ir.hotline137.mayor.meeting.MeetingInvitations;
import ir.hotline137.outbound.call.AmiCallGateway;
import ir.hotline137.outbound.call.CallGateway;
import ir.hotline137.outbound.dispatch.Dispatcher;
import ir.hotline137.outbound.dispatch.NoticeSource;
import ir.hotline137.outbound.notices.CitizenMessages;
import ir.hotline137.outbound.notices.LateDigest;
import ir.hotline137.outbound.notices.NoticeWriter;
import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.outbound.sms.SmppGateway;
import ir.hotline137.outbound.sms.SmsGateway;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.store.RequestStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Works the outbox once the application is ready, when an SMS centre ({@code hotline.sms.host}) or Asterisk's manager
 * interface ({@code hotline.ami.host}) is set. Without either no notice is made at all, and without one of them no
 * notice is made for that channel, so setting it later does not send a backlog of old news: notices begin from that
 * start.
 */
public final class OutboundWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboundWorker.class);

    private final HotlineProperties properties;
    private final Outbox outbox;
    private final RequestStore store;
    private final RequestDesk desk;
    private final CallExchange exchange;
    private final MeetingDesk meetings;
    private final Clock clock;
    private Optional<SmsGateway> sms = Optional.empty();
    private Optional<CallGateway> calls = Optional.empty();
    private Dispatcher dispatcher;

    OutboundWorker(HotlineProperties properties, Outbox outbox, RequestStore store, RequestDesk desk,
                   CallExchange exchange, MeetingDesk meetings, Clock clock) {
        this.properties = properties;
        this.outbox = outbox;
        this.store = store;
        this.desk = desk;
        this.exchange = exchange;
        this.meetings = meetings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (properties.sms().isConfigured()) {
            sms = Optional.of(new SmppGateway(properties.sms().settings()));
            channels.add(Channel.SMS);
            log.info("citizens are sent SMS through {}:{} within {}", properties.sms().host(),
                    properties.sms().port(), properties.outbound().callingHours());
        } else {
            log.info("no SMS centre is set (hotline.sms.host): citizens are not sent SMS");
        }
        if (properties.ami().isConfigured()) {
            calls = Optional.of(new AmiCallGateway(properties.ami().settings(properties.outbound())));
            exchange.set(calls);
            channels.add(Channel.CALL);
            log.info("citizens are called through the manager interface at {}:{} on {} within {}",
                    properties.ami().host(), properties.ami().port(), properties.outbound().dialString(),
                    properties.outbound().callingHours());
        } else {
            log.info("no manager interface is set (hotline.ami.host): citizens are not called");
        }
        if (channels.isEmpty()) {
            return;
        }
        dispatcher = new Dispatcher(outbox,
                new NoticeWriter(store, outbox, properties.outbound().tellReferrals(), channels, clock),
                sources(channels),
                sms, new CitizenMessages(outbox, desk, properties.sms().replies(), clock), calls,
                properties.outbound().callSettings(), properties.outbound().hours(clock.getZone()),
                properties.outbound().dispatch(), clock);
        dispatcher.start();
    }

    /** The staff's daily list of late requests goes by SMS only; a meeting's invitations by whatever there is. */
    private List<NoticeSource> sources(Set<Channel> channels) {
        List<NoticeSource> sources = new ArrayList<>();
        if (channels.contains(Channel.SMS)) {
            sources.add(new LateDigest(desk, outbox, properties.units().headNumbers(),
                    properties.outbound().supervisors(), clock));
        }
        sources.add(new MeetingInvitations(meetings, outbox, channels, clock.getZone()));
        return sources;
    }

    /**
     * Stops looking at the outbox, then closes the connections: a call still ringing or talking is woken by that and
     * records its end (a ringing one is placed again at the next start, an answered one was recorded when answered)
     * before the store closes.
     */
    @Override
    public synchronized void close() {
        exchange.set(Optional.empty());
        if (dispatcher != null) {
            dispatcher.close();
        }
        sms.ifPresent(SmsGateway::close);
        calls.ifPresent(CallGateway::close);
        if (dispatcher != null) {
            dispatcher.awaitCalls(Duration.ofSeconds(5));
        }
    }
}
