package ir.hotline137.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.outbound.dispatch.CallSettings;
import ir.hotline137.outbound.dispatch.CallingHours;
import ir.hotline137.outbound.dispatch.DispatchSettings;
import ir.hotline137.outbound.dispatch.Dispatcher;
import ir.hotline137.outbound.dispatch.NoticeSource;
import ir.hotline137.outbound.notices.CitizenMessages;
import ir.hotline137.outbound.notices.LateDigest;
import ir.hotline137.outbound.notices.NoticeWriter;
import ir.hotline137.outbound.outbox.AttemptResult;
import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.NotificationStatus;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.outbound.sms.SmppGateway;
import ir.hotline137.outbound.sms.SmppSettings;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.PersianDigits;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.testsupport.MutableClock;
import ir.hotline137.testsupport.smpp.FakeSmsc;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox worked against an SMS centre that speaks SMPP over TCP: sent within calling hours only, Persian in UCS-2
 * and in parts when long, a throttled try repeated after its spacing, a number the network refuses given up, a
 * dropped connection bound again, a do-not-call number never sent to, and nothing sent twice across a restart.
 */
class DispatcherTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    /** Saturday 5 December 2026, 10:00 in Tehran. */
    private static final Instant SATURDAY_MORNING = Instant.parse("2026-12-05T06:30:00Z");
    private static final Duration SPACING = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void aResultReachesTheCallerAndTheSupporterInPersianWithinCallingHoursOnly() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY_MORNING.minus(Duration.ofHours(4)), TEHRAN);
        try (FakeSmsc smsc = FakeSmsc.start("secret"); Desks desks = new Desks(dir, clock);
             Outbound outbound = new Outbound(desks, smsc, clock, Set.of())) {
            outbound.dispatcher.tick();
            clock.advance(Duration.ofMinutes(1));
            CitizenRequest request = resolvedWithSupporter(desks, "آسفالت جلوی مدرسهٔ دخترانه ترمیم شد و خط‌کشی هم انجام شد.");

            assertThat(outbound.dispatcher.tick()).as("06:01 in Tehran: before calling hours").isZero();
            assertThat(smsc.submits()).isZero();
            clock.advance(Duration.ofHours(4));
            assertThat(outbound.dispatcher.tick()).isEqualTo(4);

            List<FakeSmsc.Message> messages = smsc.messages();
            assertThat(messages).extracting(FakeSmsc.Message::to)
                    .containsExactlyInAnyOrder("989121111111", "989121111111", "989122222222", "989122222222");
            FakeSmsc.Message result = smsc.await(m -> m.to().equals("989122222222") && m.text().startsWith("نتیجهٔ رسیدگی"),
                    Duration.ofSeconds(5));
            assertThat(result.text()).as("joined again from its parts").contains(
                    "آسفالت جلوی مدرسهٔ دخترانه ترمیم شد و خط‌کشی هم انجام شد.");
            assertThat(result.parts()).isGreaterThan(1);
            assertThat(result.from()).isEqualTo("20000137");
            assertThat(outbound.outbox.forRequest(request.code())).extracting(Notification::status)
                    .containsOnly(NotificationStatus.DONE);
            assertThat(outbound.dispatcher.tick()).as("nothing twice").isZero();
        }
    }

    @Test
    void aThrottledTryIsRepeatedAfterItsSpacingAndARefusedNumberIsGivenUp() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY_MORNING, TEHRAN);
        try (FakeSmsc smsc = FakeSmsc.start("secret"); Desks desks = new Desks(dir, clock);
             Outbound outbound = new Outbound(desks, smsc, clock, Set.of())) {
            outbound.dispatcher.tick();
            CitizenRequest request = desks.desk.register(NewRequest.fromCaller("09121111111", 6, "چاله",
                    RequestSource.IVR_SPEECH));
            smsc.refuseNext(0x58);

            outbound.dispatcher.tick();
            Notification throttled = outbound.outbox.forRequest(request.code()).getFirst();
            assertThat(throttled.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(throttled.lastAttempt().orElseThrow().result()).contains(AttemptResult.UNAVAILABLE);
            clock.advance(SPACING.minusSeconds(1));
            assertThat(outbound.dispatcher.tick()).as("not before its spacing").isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(outbound.dispatcher.tick()).isEqualTo(1);
            assertThat(outbound.outbox.find(throttled.id()).orElseThrow().status()).isEqualTo(NotificationStatus.DONE);
            assertThat(smsc.messages()).hasSize(1);

            CitizenRequest unknown = desks.desk.register(NewRequest.fromCaller("09129999999", 6, "چاله",
                    RequestSource.IVR_SPEECH));
            smsc.refuseNext(0x0B);
            outbound.dispatcher.tick();
            Notification refused = outbound.outbox.forRequest(unknown.code()).getFirst();
            assertThat(refused.status()).isEqualTo(NotificationStatus.FAILED);
            assertThat(refused.lastAttempt().orElseThrow().detail()).contains("0x0000000B");
        }
    }

    @Test
    void aDroppedConnectionIsBoundAgainAndADoNotCallNumberIsNeverSentTo() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY_MORNING, TEHRAN);
        try (FakeSmsc smsc = FakeSmsc.start("secret"); Desks desks = new Desks(dir, clock);
             Outbound outbound = new Outbound(desks, smsc, clock, Set.of("09120000000"))) {
            outbound.dispatcher.tick();
            desks.desk.register(NewRequest.fromCaller("09121111111", 6, "چاله", RequestSource.IVR_SPEECH));
            outbound.dispatcher.tick();
            smsc.dropConnections();
            // The hotline learns of it when its reader sees the connection end: a drop it has not noticed yet is a
            // different case (below), where a message may already be with the centre.
            for (int i = 0; i < 100 && outbound.sms.isBound(); i++) {
                Thread.sleep(50);
            }

            CitizenRequest after = desks.desk.register(NewRequest.fromCaller("09123333333", 6, "چاله",
                    RequestSource.IVR_SPEECH));
            CitizenRequest quiet = desks.desk.register(NewRequest.fromCaller("09120000000", 6, "چاله",
                    RequestSource.IVR_SPEECH));
            for (int i = 0; i < 3 && smsc.messages().size() < 2; i++) {
                outbound.dispatcher.tick();
                clock.advance(SPACING);
            }

            assertThat(smsc.messages()).extracting(FakeSmsc.Message::to).containsExactly("989121111111", "989123333333");
            assertThat(outbound.outbox.forRequest(after.code()).getFirst().status()).isEqualTo(NotificationStatus.DONE);
            assertThat(outbound.outbox.forRequest(quiet.code()).getFirst().status()).isEqualTo(NotificationStatus.SKIPPED);
        }
    }

    @Test
    void aMessageWhoseAnswerWasLostIsUncertainAndNeverSentAgain() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY_MORNING, TEHRAN);
        try (FakeSmsc smsc = FakeSmsc.start("secret"); Desks desks = new Desks(dir, clock);
             Outbound outbound = new Outbound(desks, smsc, clock, Set.of())) {
            outbound.dispatcher.tick();
            CitizenRequest request = desks.desk.register(NewRequest.fromCaller("09121111111", 6, "چاله",
                    RequestSource.IVR_SPEECH));
            smsc.dropOnNextSubmit();

            outbound.dispatcher.tick();
            Notification lost = outbound.outbox.forRequest(request.code()).getFirst();
            assertThat(lost.status()).isEqualTo(NotificationStatus.UNCERTAIN);
            for (int i = 0; i < 3; i++) {
                clock.advance(SPACING);
                outbound.dispatcher.tick();
            }
            assertThat(smsc.submits()).as("once, whatever became of it").isEqualTo(1);
        }
    }

    @Test
    void nothingIsSentTwiceAcrossARestart() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY_MORNING, TEHRAN);
        try (FakeSmsc smsc = FakeSmsc.start("secret")) {
            try (Desks desks = new Desks(dir, clock); Outbound outbound = new Outbound(desks, smsc, clock, Set.of())) {
                outbound.dispatcher.tick();
                desks.desk.register(NewRequest.fromCaller("09121111111", 6, "چاله", RequestSource.IVR_SPEECH));
                outbound.dispatcher.tick();
                desks.desk.register(NewRequest.fromCaller("09124444444", 6, "چاله", RequestSource.IVR_SPEECH));
                // Stopped before the next look: the second registration is committed, its notice not yet made.
            }
            try (Desks desks = new Desks(dir, clock); Outbound outbound = new Outbound(desks, smsc, clock, Set.of())) {
                outbound.dispatcher.tick();
                outbound.dispatcher.tick();
            }
            assertThat(smsc.messages()).extracting(FakeSmsc.Message::to).containsExactly("989121111111", "989124444444");
        }
    }

    @Test
    void aCitizensCodeOrKeywordIsAnsweredAtAnyHourAndAReceiptIsKept() throws Exception {
        // 22:00 on Saturday in Tehran: after calling hours.
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T18:30:00Z"), TEHRAN);
        try (FakeSmsc smsc = FakeSmsc.start("secret"); Desks desks = new Desks(dir, clock);
             Outbound outbound = new Outbound(desks, smsc, clock, Set.of())) {
            outbound.dispatcher.tick();
            CitizenRequest request = desks.desk.register(NewRequest.fromCaller("09121111111", 6, "چاله",
                    RequestSource.IVR_SPEECH));
            outbound.dispatcher.tick();

            smsc.messageFromPhone("989121111111", "20000137", PersianDigits.toPersian(request.code().value()));
            smsc.messageFromPhone("989121111111", "20000137", "۱");
            smsc.messageFromPhone("989121111111", "20000137", "سلام");
            smsc.messageFromPhone("989121111111", "20000137", "سلام");
            assertThat(outbound.dispatcher.tick()).as("the three answers, at night; the same message twice is one")
                    .isEqualTo(3);

            assertThat(smsc.messages()).extracting(FakeSmsc.Message::to).containsOnly("989121111111");
            assertThat(smsc.messages()).extracting(FakeSmsc.Message::text).satisfiesExactly(
                    status -> assertThat(status).startsWith("وضعیت درخواست " + PersianDigits.toPersian(
                            request.code().value()) + ": ثبت شده"),
                    keyword -> assertThat(keyword).isEqualTo("برنامهٔ «اصفهان من» را از بازار نصب کنید."),
                    help -> assertThat(help).startsWith("برای پیگیری درخواست، کد ۸ رقمی"));
            assertThat(outbound.outbox.forRequest(request.code())).filteredOn(n -> n.kind() == NoticeKind.REGISTERED)
                    .singleElement().extracting(Notification::status).as("news waits for the morning")
                    .isEqualTo(NotificationStatus.PENDING);

            clock.advance(Duration.ofHours(11));
            outbound.dispatcher.tick();
            Notification registered = outbound.outbox.forRequest(request.code()).stream()
                    .filter(n -> n.kind() == NoticeKind.REGISTERED).findFirst().orElseThrow();
            assertThat(registered.status()).isEqualTo(NotificationStatus.DONE);
            smsc.deliverReceipt(registered.lastAttempt().orElseThrow().detail(), "UNDELIV");
            Notification undelivered = outbound.outbox.find(registered.id()).orElseThrow();
            assertThat(undelivered.receipt()).contains("UNDELIV");
            assertThat(undelivered.status()).as("accepted, never delivered: not told").isEqualTo(NotificationStatus.FAILED);
        }
    }

    @Test
    void eachUnitsHeadAndTheSupervisorsAreToldOnceADayWhatIsPastItsDeadline() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY_MORNING, TEHRAN);
        String unit6 = "فنی و عمرانی منطقه ۶";
        try (FakeSmsc smsc = FakeSmsc.start("secret"); Desks desks = new Desks(dir, clock);
             Outbound outbound = new Outbound(desks, smsc, clock, Set.of(),
                     Map.of(unit6, "09125555555", "خدمات شهری منطقه ۲", "09126666666"), List.of("09127777777"))) {
            outbound.dispatcher.tick();
            LocalDate today = LocalDate.ofInstant(clock.instant(), TEHRAN);
            for (int i = 0; i < 3; i++) {
                CitizenRequest request = desks.desk.register(NewRequest.fromCaller("0912000000" + i, 6, "چاله " + i,
                        RequestSource.IVR_SPEECH));
                // Two given four days, one twenty: after five days two are late, none yet twice over.
                desks.desk.refer(request.code(), Optional.of(unit6), Optional.empty(),
                        Optional.of(today.plusDays(i < 2 ? 4 : 20)), "maryam");
            }
            assertThat(outbound.dispatcher.tick()).as("nothing late yet: no list, only the citizens' codes").isEqualTo(3);
            assertThat(smsc.messages()).extracting(FakeSmsc.Message::to).doesNotContain("989125555555", "989127777777");

            clock.advance(Duration.ofDays(5));
            outbound.dispatcher.tick();
            assertThat(smsc.messages()).filteredOn(m -> m.to().equals("989125555555")).singleElement()
                    .extracting(FakeSmsc.Message::text).isEqualTo("واحد «" + unit6 + "»: ۲ درخواست از مهلت گذشته است."
                            + " فهرست در سامانهٔ ۱۳۷.");
            assertThat(smsc.messages()).filteredOn(m -> m.to().equals("989127777777")).singleElement()
                    .extracting(FakeSmsc.Message::text).isEqualTo("مرکز ۱۳۷ (۱ واحد): ۲ درخواست از مهلت گذشته است."
                            + " فهرست در سامانهٔ ۱۳۷.");
            assertThat(smsc.messages()).as("a unit with nothing late is not told").extracting(FakeSmsc.Message::to)
                    .doesNotContain("989126666666");

            clock.advance(Duration.ofHours(1));
            outbound.dispatcher.tick();
            assertThat(smsc.messages()).as("once a day").filteredOn(m -> m.to().equals("989125555555")).hasSize(1);

            // Four days on, a Monday, the first two have had twice their four days.
            clock.advance(Duration.ofDays(4));
            outbound.dispatcher.tick();
            assertThat(smsc.messages()).filteredOn(m -> m.to().equals("989125555555")).last()
                    .extracting(FakeSmsc.Message::text).isEqualTo("واحد «" + unit6 + "»: ۲ درخواست از مهلت گذشته است،"
                            + " ۲ درخواست برای دفتر شهردار. فهرست در سامانهٔ ۱۳۷.");
        }
    }

    private static CitizenRequest resolvedWithSupporter(Desks desks, String result) {
        CitizenRequest request = desks.desk.register(NewRequest.fromCaller("09121111111", 6, "چاله بزرگ جلوی مدرسه",
                RequestSource.IVR_SPEECH));
        desks.desk.join(request.code(), Optional.of("09122222222"), "ivr");
        desks.desk.refer(request.code(), Optional.of("فنی و عمرانی منطقه ۶"), Optional.empty(), Optional.empty(),
                "maryam");
        return desks.desk.giveResult(request.code(), result, "unit6");
    }

    @Test
    void aNoticeThatNoLongerStandsIsSkippedAndNeverSent() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY_MORNING, TEHRAN);
        try (FakeSmsc smsc = FakeSmsc.start("secret"); Desks desks = new Desks(dir, clock)) {
            Outbox outbox = MapDbOutbox.open(desks.storage);
            // A source whose invitation was withdrawn after it was made: asked before sending, it says so.
            NoticeSource withdrawn = new NoticeSource() {
                @Override
                public int make(Instant now) {
                    return outbox.addOne(Notification.withoutRequest("test|withdrawn", NoticeKind.INVITATION,
                            "09124444444", "شما دعوت شده‌اید", now)).isPresent() ? 1 : 0;
                }

                @Override
                public boolean stillStands(Notification notice) {
                    return !notice.key().equals("test|withdrawn");
                }
            };
            try (Outbound outbound = new Outbound(desks, outbox, smsc, clock, List.of(withdrawn))) {
                outbound.dispatcher.tick();
                assertThat(smsc.messages()).isEmpty();
                assertThat(outbox.due(clock.instant().plus(Duration.ofDays(1)), 10)).isEmpty();
                assertThat(outbox.count()).as("kept, as skipped").isEqualTo(1);
            }
        }
    }

    /** The outbound side as the application assembles it, on the test's store and fake SMS centre. */
    private static final class Outbound implements AutoCloseable {
        final Outbox outbox;
        final SmppGateway sms;
        final Dispatcher dispatcher;

        Outbound(Desks desks, FakeSmsc smsc, MutableClock clock, Set<String> doNotCall) {
            this(desks, smsc, clock, doNotCall, Map.of(), List.of());
        }

        Outbound(Desks desks, FakeSmsc smsc, MutableClock clock, Set<String> doNotCall, Map<String, String> heads,
                 List<String> supervisors) {
            this(desks, MapDbOutbox.open(desks.storage), smsc, clock, doNotCall,
                    outbox -> List.of(new LateDigest(desks.desk, outbox, heads, supervisors, clock)));
        }

        Outbound(Desks desks, Outbox outbox, FakeSmsc smsc, MutableClock clock, List<NoticeSource> sources) {
            this(desks, outbox, smsc, clock, Set.of(), kept -> sources);
        }

        private Outbound(Desks desks, Outbox outbox, FakeSmsc smsc, MutableClock clock, Set<String> doNotCall,
                         Function<Outbox, List<NoticeSource>> sources) {
            this.outbox = outbox;
            sms = new SmppGateway(new SmppSettings("127.0.0.1", smsc.port(), "hotline", "secret", "20000137",
                    Duration.ofSeconds(5)));
            dispatcher = new Dispatcher(outbox, new NoticeWriter(desks.store, outbox, false, Set.of(Channel.SMS), clock),
                    sources.apply(outbox), Optional.of(sms),
                    new CitizenMessages(outbox, desks.desk, Map.of("1", "برنامهٔ «اصفهان من» را از بازار نصب کنید."),
                            clock), Optional.empty(), new CallSettings(1, 1, SPACING),
                    CallingHours.of("09:00-20:00", Set.of(DayOfWeek.FRIDAY), TEHRAN),
                    new DispatchSettings(SPACING, Duration.ofSeconds(1), 50, doNotCall), clock);
            outbox.markInterruptedUncertain(Instant.now());
        }

        @Override
        public void close() {
            dispatcher.close();
            sms.close();
        }
    }
}
