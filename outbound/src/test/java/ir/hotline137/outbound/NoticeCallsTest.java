package ir.hotline137.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.outbound.call.AmiCallGateway;
import ir.hotline137.outbound.call.AmiSettings;
import ir.hotline137.outbound.dispatch.CallSettings;
import ir.hotline137.outbound.dispatch.CallingHours;
import ir.hotline137.outbound.dispatch.DispatchSettings;
import ir.hotline137.outbound.dispatch.Dispatcher;
import ir.hotline137.outbound.notices.CitizenMessages;
import ir.hotline137.outbound.notices.NoticeWriter;
import ir.hotline137.outbound.outbox.Attempt;
import ir.hotline137.outbound.outbox.AttemptResult;
import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.NotificationStatus;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.testsupport.MutableClock;
import ir.hotline137.testsupport.ami.FakeAmi;
import ir.hotline137.testsupport.asterisk.Caller;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls placed through a manager interface that speaks AMI over TCP as Asterisk 22 does: only within calling hours,
 * to the caller and every supporter; a busy number called again after the spacing and given up after the attempts
 * allowed; a connection dropped while a call rings costs nothing (the call is placed again once Asterisk-Java has
 * logged in again); a restart leaves a ringing call to be placed again and an answered one alone.
 */
class NoticeCallsTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    /** Saturday 5 December 2026, 10:00 in Tehran. */
    private static final Instant SATURDAY_MORNING = Instant.parse("2026-12-05T06:30:00Z");
    private static final Duration SPACING = Duration.ofHours(1);
    private static final String CALLER = "PJSIP/09121111111@trunk";
    private static final String SUPPORTER = "PJSIP/09122222222@trunk";
    private static final Duration SOON = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aResultIsToldByCallToEveryoneWithinCallingHoursAndABusyNumberIsCalledAgain() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY_MORNING.minus(Duration.ofHours(4)), TEHRAN);
        try (FakeAmi ami = FakeAmi.start("hotline", "ami-secret", "notify");
             Desks desks = new Desks(dir, clock); Calls calls = new Calls(desks, ami, clock, 3)) {
            ami.whenCalled(CALLER, new FakeAmi.Busy(), new FakeAmi.Answers(Caller.withNumber("137")));
            ami.whenCalled(SUPPORTER, new FakeAmi.Answers(Caller.withNumber("137")));
            calls.dispatcher.tick();
            clock.advance(Duration.ofMinutes(1));
            CitizenRequest request = resolvedWithSupporter(desks);

            calls.dispatcher.tick();
            Thread.sleep(300);
            assertThat(ami.originates()).as("06:00 in Tehran: nobody is called").isEmpty();

            clock.advance(Duration.ofHours(4));
            calls.dispatcher.tick();
            List<FakeAmi.Originate> placed = ami.awaitOriginates(2, SOON);
            FakeAmi.Originate toCaller = placed.stream().filter(o -> o.channel().equals(CALLER)).findFirst()
                    .orElseThrow();
            assertThat(toCaller.context()).isEqualTo("hotline-notify");
            assertThat(toCaller.exten()).isEqualTo("notify");
            assertThat(toCaller.callerId()).isEqualTo("137");
            assertThat(toCaller.timeout()).isEqualTo("30000");
            Notification callerNotice = calls.await(request, CALLER, n -> n.status() == NotificationStatus.PENDING);
            assertThat(toCaller.variables()).containsEntry(AmiSettings.NOTICE_VARIABLE,
                    Long.toString(callerNotice.id()));
            assertThat(callerNotice.lastAttempt().flatMap(Attempt::result)).contains(AttemptResult.BUSY);
            calls.await(request, SUPPORTER, n -> n.status() == NotificationStatus.DONE && n.wasAnswered());

            clock.advance(SPACING.minusMinutes(1));
            calls.dispatcher.tick();
            Thread.sleep(300);
            assertThat(ami.originates()).as("not before its spacing").hasSize(2);
            clock.advance(Duration.ofMinutes(1));
            calls.dispatcher.tick();
            Notification told = calls.await(request, CALLER, n -> n.status() == NotificationStatus.DONE);
            assertThat(told.attempts()).extracting(a -> a.result().orElseThrow())
                    .containsExactly(AttemptResult.BUSY, AttemptResult.ANSWERED);
            clock.advance(SPACING.multipliedBy(2));
            calls.dispatcher.tick();
            Thread.sleep(300);
            assertThat(ami.originates()).as("nobody twice").hasSize(3);
        }
    }

    @Test
    void aNumberBusyEveryTimeIsGivenUpAfterTheAttemptsAllowed() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY_MORNING, TEHRAN);
        try (FakeAmi ami = FakeAmi.start("hotline", "ami-secret", "notify");
             Desks desks = new Desks(dir, clock); Calls calls = new Calls(desks, ami, clock, 2)) {
            ami.whenCalled(CALLER, new FakeAmi.Busy());
            ami.whenCalled(SUPPORTER, new FakeAmi.RingsOut(), new FakeAmi.Congested());
            calls.dispatcher.tick();
            clock.advance(Duration.ofMinutes(1));
            CitizenRequest request = resolvedWithSupporter(desks);
            calls.dispatcher.tick();
            calls.await(request, CALLER, n -> n.status() == NotificationStatus.PENDING && !n.attempts().isEmpty());
            calls.await(request, SUPPORTER, n -> n.status() == NotificationStatus.PENDING && !n.attempts().isEmpty());
            clock.advance(SPACING);
            calls.dispatcher.tick();
            assertThat(calls.await(request, CALLER, n -> n.status() == NotificationStatus.FAILED).attempts())
                    .extracting(a -> a.result().orElseThrow()).containsExactly(AttemptResult.BUSY, AttemptResult.BUSY);
            assertThat(calls.await(request, SUPPORTER, n -> n.status() == NotificationStatus.FAILED).attempts())
                    .extracting(a -> a.result().orElseThrow())
                    .containsExactly(AttemptResult.NO_ANSWER, AttemptResult.FAILED);
        }
    }

    @Test
    void aConnectionDroppedWhileTheCallRingsLosesNothing() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY_MORNING, TEHRAN);
        try (FakeAmi ami = FakeAmi.start("hotline", "ami-secret", "notify");
             Desks desks = new Desks(dir, clock); Calls calls = new Calls(desks, ami, clock, 3)) {
            ami.whenCalled(CALLER, new FakeAmi.LinkDrops(), new FakeAmi.Answers(Caller.withNumber("137")));
            ami.whenCalled(SUPPORTER, new FakeAmi.Answers(Caller.withNumber("137")));
            calls.dispatcher.tick();
            clock.advance(Duration.ofMinutes(1));
            CitizenRequest request = desks.desk.register(NewRequest.fromCaller("09121111111", 6, "چاله",
                    RequestSource.IVR_SPEECH));
            desks.desk.refer(request.code(), Optional.of("فنی و عمرانی منطقه ۶"), Optional.empty(), Optional.empty(),
                    "maryam");
            desks.desk.giveResult(request.code(), "خرابی برطرف شد.", "unit6");
            calls.dispatcher.tick();
            Notification lost = calls.await(request, CALLER, n -> n.status() == NotificationStatus.PENDING
                    && !n.attempts().isEmpty());
            assertThat(lost.lastAttempt().flatMap(Attempt::result)).as("it may have rung; nobody said it was answered")
                    .contains(AttemptResult.UNCERTAIN);
            assertThat(lost.unansweredCalls()).as("one of the tries allowed: it may have rung").isEqualTo(1);

            // Asterisk-Java logs in again by itself; the next look after the spacing calls again.
            clock.advance(SPACING);
            long end = System.nanoTime() + SOON.toNanos();
            while (ami.originates().size() < 2 && System.nanoTime() < end) {
                calls.dispatcher.tick();
                Thread.sleep(200);
                clock.advance(SPACING);
            }
            Notification told = calls.await(request, CALLER, n -> n.status() == NotificationStatus.DONE);
            assertThat(told.attempts()).extracting(a -> a.result().orElseThrow()).endsWith(AttemptResult.ANSWERED);
            assertThat(ami.logins()).as("logged in again after the drop").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aRestartPlacesARingingCallAgainAndLeavesAnAnsweredOneAlone() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY_MORNING, TEHRAN);
        Notification ringing;
        Notification answered;
        try (Desks desks = new Desks(dir, clock)) {
            Outbox outbox = MapDbOutbox.open(desks.storage);
            NoticeWriter writer = new NoticeWriter(desks.store, outbox, false, Set.of(Channel.CALL), clock);
            writer.catchUp();
            clock.advance(Duration.ofMinutes(1));
            CitizenRequest request = resolvedWithSupporter(desks);
            writer.catchUp();
            List<Notification> made = outbox.forRequest(request.code());
            assertThat(made).extracting(Notification::channel).containsOnly(Channel.CALL).hasSize(2);
            ringing = outbox.beginAttempt(made.get(0).id(), clock.instant()).orElseThrow();
            answered = outbox.beginAttempt(made.get(1).id(), clock.instant()).orElseThrow();
            outbox.callAnswered(answered.id());
            // The hotline stops here, with both calls' ends unrecorded by the manager interface's word.
        }
        try (Desks desks = new Desks(dir, clock)) {
            Outbox again = MapDbOutbox.open(desks.storage);
            again.markInterruptedUncertain(clock.instant().plus(SPACING));
            assertThat(again.find(ringing.id()).orElseThrow().status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(again.find(answered.id()).orElseThrow().status()).isEqualTo(NotificationStatus.DONE);
            assertThat(again.due(clock.instant(), 10)).as("not rung again at once by a restart").isEmpty();
            assertThat(again.due(clock.instant().plus(SPACING), 10)).extracting(Notification::id)
                    .containsExactly(ringing.id());
        }
    }

    private static CitizenRequest resolvedWithSupporter(Desks desks) {
        CitizenRequest request = desks.desk.register(NewRequest.fromCaller("09121111111", 6, "چاله بزرگ جلوی مدرسه",
                RequestSource.IVR_SPEECH));
        desks.desk.join(request.code(), Optional.of("09122222222"), "ivr");
        desks.desk.refer(request.code(), Optional.of("فنی و عمرانی منطقه ۶"), Optional.empty(), Optional.empty(),
                "maryam");
        return desks.desk.giveResult(request.code(), "خرابی برطرف شد.", "unit6");
    }

    /** The calling side as the application assembles it, without an SMS centre, on the test's store and AMI. */
    private static final class Calls implements AutoCloseable {
        final Outbox outbox;
        final AmiCallGateway gateway;
        final Dispatcher dispatcher;

        Calls(Desks desks, FakeAmi ami, MutableClock clock, int attempts) {
            outbox = MapDbOutbox.open(desks.storage);
            gateway = new AmiCallGateway(new AmiSettings("127.0.0.1", ami.port(), "hotline", "ami-secret",
                    "PJSIP/{number}@trunk", "hotline-notify", "notify", "137", Duration.ofSeconds(30),
                    Duration.ofSeconds(5)));
            dispatcher = new Dispatcher(outbox, new NoticeWriter(desks.store, outbox, false, Set.of(Channel.CALL),
                    clock), List.of(), Optional.empty(),
                    new CitizenMessages(outbox, desks.desk, Map.of(), clock), Optional.of(gateway),
                    new CallSettings(2, attempts, SPACING),
                    CallingHours.of("09:00-20:00", Set.of(DayOfWeek.FRIDAY), TEHRAN),
                    new DispatchSettings(Duration.ofMinutes(5), Duration.ofSeconds(1), 50, Set.of()), clock);
        }

        /** The request's call notification to {@code channel}, once it is so. */
        Notification await(CitizenRequest request, String channel, Predicate<Notification> so)
                throws InterruptedException {
            String number = channel.substring("PJSIP/".length(), channel.indexOf('@'));
            long end = System.nanoTime() + SOON.toNanos();
            Notification last = null;
            while (System.nanoTime() < end) {
                last = outbox.forRequest(request.code()).stream()
                        .filter(n -> n.channel() == Channel.CALL && n.to().equals(number)).findFirst().orElse(null);
                if (last != null && so.test(last) && dispatcher.callsUnderWay() == 0) {
                    return last;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the call to " + channel + " is not so: " + last);
        }

        @Override
        public void close() {
            dispatcher.close();
            gateway.close();
            dispatcher.awaitCalls(Duration.ofSeconds(5));
        }
    }
}
