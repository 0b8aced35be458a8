package ir.hotline137.outbound.dispatch;

import ir.hotline137.outbound.notices.LateDigest;
import ir.hotline137.outbound.notices.NoticeWriter;
import ir.hotline137.outbound.outbox.AttemptResult;
import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.NotificationStatus;
import ir.hotline137.outbound.sms.SmsGateway;
import ir.hotline137.outbound.sms.SmsListener;
import ir.hotline137.outbound.sms.SmsOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the outbox: every so often it derives the notices of what was committed since, then, within calling hours,
 * sends what is due. Each attempt is written as begun before the SMS goes, and its end after, so a crash between the
 * two leaves an attempt marked uncertain at the next start, never sent twice on its own.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final MapDbOutbox outbox;
    private final NoticeWriter notices;
    private final LateDigest late;
    private final SmsGateway sms;
    private final SmsListener heard;
    private final CallingHours hours;
    private final DispatchSettings settings;
    private final Clock clock;
    private volatile boolean stopping;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox").daemon().factory());

    /** @param heard what the centre sends back (receipts, citizens' messages) goes here */
    public Dispatcher(MapDbOutbox outbox, NoticeWriter notices, LateDigest late, SmsGateway sms, SmsListener heard,
                      CallingHours hours, DispatchSettings settings, Clock clock) {
        this.outbox = outbox;
        this.notices = notices;
        this.late = late;
        this.sms = sms;
        this.heard = heard;
        this.hours = hours;
        this.settings = settings;
        this.clock = clock;
    }

    /** Marks what the last run left under way as uncertain, then works the outbox every {@code every}. */
    public void start() {
        int interrupted = outbox.markInterruptedUncertain();
        if (interrupted > 0) {
            log.warn("{} notifications were being sent when the hotline stopped; marked uncertain, not sent again",
                    interrupted);
        }
        long every = settings.every().toMillis();
        worker.scheduleWithFixedDelay(this::safely, 0, every, TimeUnit.MILLISECONDS);
    }

    private void safely() {
        try {
            tick();
        } catch (RuntimeException failed) {
            // The next look tries again; what is kept in the outbox is not lost by one failed look.
            log.error("working the outbox failed", failed);
        }
    }

    /**
     * One look: the notices of what was committed since the last, then what is due, if calling hours allow.
     *
     * @return how many attempts were made
     */
    public int tick() {
        notices.catchUp();
        sms.keepBound(heard);
        Instant now = clock.instant();
        boolean inHours = hours.allow(now);
        if (inHours) {
            late.tellToday();
        }
        int attempts = 0;
        // An answer to the citizen's own message goes at any hour: they are waiting for it.
        for (Notification due : outbox.due(now, settings.batch(), n -> inHours || n.kind() == NoticeKind.REPLY)) {
            if (stopping) {
                break;
            }
            if (settings.doNotCall().contains(due.to())) {
                outbox.skip(due.id());
                continue;
            }
            if (due.channel() != Channel.SMS) {
                continue;
            }
            Optional<Notification> begun = outbox.beginAttempt(due.id(), clock.instant());
            if (begun.isEmpty()) {
                continue;
            }
            attempts++;
            if (!record(begun.get(), sms.send(due.to(), due.text()))) {
                // The centre is down or throttling: the rest of the batch would only wait on it too.
                break;
            }
        }
        return attempts;
    }

    /**
     * Ends the attempt as it went.
     *
     * @return false when the centre could not take it now, so the batch stops
     */
    private boolean record(Notification attempt, SmsOutcome outcome) {
        switch (outcome) {
            case SmsOutcome.Accepted accepted -> outbox.endAttempt(attempt.id(), AttemptResult.SENT,
                    String.join(",", accepted.messageIds()), NotificationStatus.DONE, Optional.empty());
            case SmsOutcome.Refused refused -> outbox.endAttempt(attempt.id(), AttemptResult.REJECTED, refused.why(),
                    NotificationStatus.FAILED, Optional.empty());
            case SmsOutcome.Uncertain uncertain -> outbox.endAttempt(attempt.id(), AttemptResult.UNCERTAIN,
                    uncertain.why(), NotificationStatus.UNCERTAIN, Optional.empty());
            case SmsOutcome.Unavailable unavailable -> {
                // Nothing went out, and an outage is not the citizen's: tried again after the spacing however long
                // the centre is down, never given up for it.
                outbox.endAttempt(attempt.id(), AttemptResult.UNAVAILABLE, unavailable.why(),
                        NotificationStatus.PENDING, Optional.of(clock.instant().plus(settings.spacing())));
                return false;
            }
        }
        return true;
    }

    /** Stops after the message being sent now, if any: nothing new is begun once stopping. */
    @Override
    public void close() {
        stopping = true;
        worker.shutdown();
        try {
            worker.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
