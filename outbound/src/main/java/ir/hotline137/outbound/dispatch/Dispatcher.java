package ir.hotline137.outbound.dispatch;

import ir.hotline137.outbound.call.CallGateway;
import ir.hotline137.outbound.call.CallOutcome;
import ir.hotline137.outbound.call.CallsUnderWay;
import ir.hotline137.outbound.notices.NoticeWriter;
import ir.hotline137.outbound.outbox.AttemptResult;
import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.NotificationStatus;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.outbound.sms.SmsGateway;
import ir.hotline137.outbound.sms.SmsListener;
import ir.hotline137.outbound.sms.SmsOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the outbox: every so often it derives the notices of what was committed since, then, within calling hours,
 * sends what is due. Each attempt is written as begun before the SMS goes, and its end after, so a crash between the
 * two leaves an attempt marked uncertain at the next start, never sent twice on its own.
 *
 * <p>Calls ring for up to half a minute each, so they are placed side by side, at most {@link CallSettings#lines()}
 * at once, each on a thread of its own; an SMS goes from the look itself. Without an SMS centre or without the
 * manager interface, that channel's notices are not made at all ({@link NoticeWriter}), so none waits here for it.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Outbox outbox;
    private final NoticeWriter notices;
    private final List<NoticeSource> sources;
    private final Optional<SmsGateway> sms;
    private final SmsListener heard;
    private final Optional<CallGateway> calls;
    private final CallSettings calling;
    private final Semaphore lines;
    private final CallsUnderWay ringing = new CallsUnderWay();
    private final CallingHours hours;
    private final DispatchSettings settings;
    private final Clock clock;
    private volatile boolean stopping;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox").daemon().factory());

    /** @param heard what the centre sends back (receipts, citizens' messages) goes here */
    public Dispatcher(Outbox outbox, NoticeWriter notices, List<NoticeSource> sources, Optional<SmsGateway> sms,
                      SmsListener heard, Optional<CallGateway> calls, CallSettings calling, CallingHours hours,
                      DispatchSettings settings, Clock clock) {
        this.outbox = outbox;
        this.notices = notices;
        this.sources = List.copyOf(sources);
        this.sms = sms;
        this.heard = heard;
        this.calls = calls;
        this.calling = calling;
        this.lines = new Semaphore(calling.lines());
        this.hours = hours;
        this.settings = settings;
        this.clock = clock;
    }

    /** Marks what the last run left under way as uncertain, then works the outbox every {@code every}. */
    public void start() {
        int interrupted = outbox.markInterruptedUncertain(clock.instant().plus(calling.spacing()));
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
        sms.ifPresent(centre -> centre.keepBound(heard));
        Instant now = clock.instant();
        boolean inHours = hours.allow(now);
        if (inHours) {
            sources.forEach(source -> source.make(now));
        }
        int attempts = 0;
        // An answer to the citizen's own message goes at any hour: they are waiting for it. A call that could not start
        // now (no line free, no manager interface any more) is not taken into the batch, where it would keep SMS out.
        for (Notification due : outbox.due(now, settings.batch(), n -> (inHours || n.kind() == NoticeKind.REPLY)
                && (n.channel() == Channel.CALL ? calls.isPresent() && lines.availablePermits() > 0
                        : sms.isPresent()))) {
            if (stopping) {
                break;
            }
            if (settings.doNotCall().contains(due.to()) || !sources.stream().allMatch(s -> s.stillStands(due))) {
                outbox.skip(due.id());
                continue;
            }
            if (due.channel() == Channel.CALL) {
                if (calls.isPresent() && placeCall(due)) {
                    attempts++;
                }
                continue;
            }
            if (sms.isEmpty()) {
                continue;
            }
            Optional<Notification> begun = outbox.beginAttempt(due.id(), clock.instant());
            if (begun.isEmpty()) {
                continue;
            }
            attempts++;
            if (!record(begun.get(), sms.get().send(due.to(), due.text()))) {
                // The centre is down or throttling: the rest of the batch would only wait on it too.
                break;
            }
        }
        return attempts;
    }

    /**
     * Begins a call on a line of its own, if one is free; a call that finds none waits for a later look.
     *
     * @return whether it was begun
     */
    private boolean placeCall(Notification due) {
        if (!lines.tryAcquire()) {
            return false;
        }
        Optional<Notification> begun = outbox.beginAttempt(due.id(), clock.instant());
        if (begun.isEmpty()) {
            lines.release();
            return false;
        }
        Notification attempt = begun.get();
        ringing.start("notice-call-" + attempt.id(), () -> {
            try {
                recordCall(attempt, calls.orElseThrow().call(attempt.id(), attempt.attempts().size(), attempt.to()));
            } catch (RuntimeException failed) {
                log.error("notice call {} failed", attempt.id(), failed);
            } finally {
                lines.release();
            }
        });
        return true;
    }

    /** Ends the call's attempt as the network said; busy, unanswered and failed calls are tried again, so often. */
    private void recordCall(Notification attempt, CallOutcome outcome) {
        Instant now = clock.instant();
        Optional<Instant> later = Optional.of(now.plus(calling.spacing()));
        // This attempt is one of them, unless it was answered or never dialled.
        boolean more = attempt.unansweredCalls() + 1 < calling.attempts();
        NotificationStatus next = more ? NotificationStatus.PENDING : NotificationStatus.FAILED;
        switch (outcome) {
            case CallOutcome.Answered answered -> outbox.endAttempt(attempt.id(), AttemptResult.ANSWERED,
                    answered.channel(), NotificationStatus.DONE, Optional.empty());
            case CallOutcome.Busy busy -> outbox.endAttempt(attempt.id(), AttemptResult.BUSY, "busy", next, later);
            case CallOutcome.NoAnswer none -> outbox.endAttempt(attempt.id(), AttemptResult.NO_ANSWER, none.why(),
                    next, later);
            case CallOutcome.Failed failed -> outbox.endAttempt(attempt.id(), AttemptResult.FAILED, failed.why(),
                    next, later);
            // Nothing was dialled: an outage of ours is not counted against the citizen's tries.
            case CallOutcome.Unavailable unavailable -> outbox.endAttempt(attempt.id(), AttemptResult.UNAVAILABLE,
                    unavailable.why(), NotificationStatus.PENDING, Optional.of(now.plus(settings.spacing())));
            // It may have rung. Had the citizen answered, the notice script would have said so by now (it records
            // the answer itself, and an answered attempt stays answered); so it is tried again, and counted as a try:
            // a manager interface that never says how calls went must not ring a citizen for ever.
            case CallOutcome.Lost lost -> outbox.endAttempt(attempt.id(), AttemptResult.UNCERTAIN, lost.why(), next,
                    later);
        }
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

    /** Calls ringing now. */
    public int callsUnderWay() {
        return calling.lines() - lines.availablePermits();
    }

    /**
     * Stops after the message being sent now, if any: nothing new is begun once stopping. Calls under way go on until
     * the call gateway is closed, which wakes them; {@link #awaitCalls} then waits for their ends to be recorded.
     */
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

    /** Waits up to {@code patience} in all for the calls under way to end and be recorded. */
    public void awaitCalls(Duration patience) {
        ringing.await(patience);
    }
}
