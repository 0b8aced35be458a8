package ir.hotline137.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.testsupport.MutableClock;
import ir.hotline137.requests.duplicates.DuplicateCandidate;
import ir.hotline137.requests.store.Page;
import ir.hotline137.requests.store.RequestFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestDeskTest {
    private static final String POTHOLE = "سلام بلوار کشاورز نزدیک خیابان قدس یه چاله بزرگ وسط خیابون هست";
    private static final String POTHOLE_AGAIN = "چاله جلوی بانک بلوار کشاورز سر خیابان قدس خیلی خطرناکه";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"), ZoneId.of("Asia/Tehran"));
    private Desks desks;
    private RequestDesk desk;

    @BeforeEach
    void open() throws Exception {
        desks = new Desks(dir, clock);
        desk = desks.desk;
    }

    @AfterEach
    void close() {
        desks.close();
    }

    private CitizenRequest register(String caller, int district, String text) {
        return desk.register(NewRequest.fromCaller(caller, district, text, RequestSource.IVR_SPEECH));
    }

    @Test
    void controlCharactersAndReadingDirectionOverridesAreNotKeptButLineBreaksAndZwnjAre() {
        String typed = "چراغ\u0000 کوچه\u001b[31m \u202Eخاموش\u202C است\r\nمی\u200Cخواهم\tپیگیری شود";

        CitizenRequest request = register("09121234567", 6, typed);
        CitizenRequest noted = desk.addNote(request.code(), "یادداشت\u0007 اپراتور\u2066", "maryam");

        assertThat(request.description()).isEqualTo("چراغ کوچه[31m خاموش است\nمی\u200Cخواهم\tپیگیری شود");
        assertThat(noted.history().getLast().what()).isEqualTo("یادداشت اپراتور");
        assertThat(desk.find(request.code()).orElseThrow().description()).isEqualTo(request.description());
    }

    @Test
    void registeringStoresEverythingAndSuggestsTheCategory() {
        CitizenRequest request = register("+98 912 123 4567", 6, POTHOLE);

        CitizenRequest stored = desk.find(request.code()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RequestStatus.REGISTERED);
        assertThat(stored.callerNumber()).contains(new CallerNumber("09121234567"));
        assertThat(stored.category()).isEqualTo("pothole");
        assertThat(stored.description()).isEqualTo(POTHOLE);
        assertThat(stored.history()).singleElement().extracting(HistoryEntry::actor).isEqualTo("ivr");
        assertThat(TrackingCode.isValid(stored.code().value())).isTrue();
        assertThat(desk.findByCaller("09121234567", 10)).extracting(CitizenRequest::code).containsExactly(request.code());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        assertRefused(NewRequest.fromCaller("09121234567", 6, "   ", RequestSource.API), "description");
        assertRefused(NewRequest.fromCaller("09121234567", 6, "چ".repeat(4_001), RequestSource.API), "description");
        assertRefused(NewRequest.fromCaller("09121234567", 23, POTHOLE, RequestSource.API), "district");
        assertRefused(NewRequest.fromCaller("0912-ABC", 6, POTHOLE, RequestSource.API), "callerNumber");
        assertRefused(NewRequest.fromCaller("09121234567", 6, POTHOLE, RequestSource.API).withCategory("potholes"), "category");
        assertThatThrownBy(() -> desk.find(TrackingCode.parse("12345678"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("trackingCode");

        assertThat(desks.store.count()).isZero();
        assertThat(desks.store.revision()).isZero();
        assertThat(desks.index.size()).isZero();
    }

    private void assertRefused(NewRequest input, String field) {
        assertThatThrownBy(() -> desk.register(input)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aSecondReportOfTheSameProblemFindsTheFirst() {
        CitizenRequest first = register("09121111111", 6, POTHOLE);
        register("09122222222", 6, "چراغ های پارک لاله خاموش است و شب ها تاریک است");
        clock.advance(Duration.ofDays(2));

        List<DuplicateCandidate> found = desk.findDuplicates(6, Optional.of("pothole"), POTHOLE_AGAIN);

        assertThat(found).first().satisfies(c -> {
            assertThat(c.code()).isEqualTo(first.code());
            assertThat(c.createdAt()).isEqualTo(first.createdAt());
        });
    }

    @Test
    void anotherDistrictAClosedRequestOrAnOldOneIsNotADuplicate() {
        register("09121111111", 7, POTHOLE);
        CitizenRequest rejected = register("09121111112", 6, POTHOLE);
        desk.changeStatus(rejected.code(), RequestStatus.REJECTED, "agent1", Optional.of("out of remit"));
        assertThat(desk.findDuplicates(6, Optional.of("pothole"), POTHOLE_AGAIN)).isEmpty();

        register("09121111113", 6, POTHOLE);
        assertThat(desk.findDuplicates(6, Optional.of("pothole"), POTHOLE_AGAIN)).hasSize(1);
        clock.advance(Duration.ofDays(31));
        assertThat(desk.findDuplicates(6, Optional.of("pothole"), POTHOLE_AGAIN)).isEmpty();
    }

    @Test
    void aWronglyGuessedCategoryDoesNotHideAClearDuplicate() {
        CitizenRequest first = register("09121111111", 6, POTHOLE);
        assertThat(desk.findDuplicates(6, Optional.of("cleaning"), POTHOLE)).extracting(DuplicateCandidate::code)
                .containsExactly(first.code());
    }

    @Test
    void joiningAddsASupporterAndNoNewRequest() {
        CitizenRequest first = register("09121111111", 6, POTHOLE);
        clock.advance(Duration.ofHours(3));

        CitizenRequest joined = desk.join(first.code(), Optional.of("09123333333"), "ivr");

        assertThat(desks.store.count()).isEqualTo(1);
        assertThat(joined.supporters()).singleElement().satisfies(s -> {
            assertThat(s.callerNumber()).contains(new CallerNumber("09123333333"));
            assertThat(s.joinedAt()).isEqualTo(clock.instant());
        });
        assertThat(joined.weight()).isEqualTo(2);
        assertThat(joined.history()).hasSize(2);
        assertThat(desk.findByCaller("09123333333", 10)).extracting(CitizenRequest::code).containsExactly(first.code());
    }

    @Test
    void joiningARequestThatWasClosedMeanwhileIsRefusedPlainly() {
        CitizenRequest first = register("09121111111", 6, POTHOLE);
        desk.changeStatus(first.code(), RequestStatus.REJECTED, "agent1", Optional.of("outside the city"));

        assertThatThrownBy(() -> desk.join(first.code(), Optional.of("09123333333"), "ivr"))
                .isInstanceOf(RequestNotOpenException.class)
                .hasMessageContaining("is REJECTED").hasMessageContaining("only open requests");
        assertThat(desk.find(first.code()).orElseThrow().supporters()).isEmpty();
    }

    @Test
    void anAgentWhoListenedPutsAMessageUnderItsCategoryOnce() {
        CitizenRequest message = register("09121111111", 6, "پیام صوتی شهروند برای تماس دوباره");
        assertThat(message.category()).isEqualTo("other");
        clock.advance(Duration.ofMinutes(5));

        CitizenRequest moved = desk.recategorize(message.code(), " lighting ", "maryam");
        CitizenRequest again = desk.recategorize(message.code(), "lighting", "maryam");

        assertThat(moved.category()).isEqualTo("lighting");
        assertThat(again.history()).as("the same category twice is one change").hasSize(2);
        assertThat(again.revision()).as("and writes nothing").isEqualTo(moved.revision());
        assertThat(moved.history().getLast()).isEqualTo(new HistoryEntry(clock.instant(), "maryam",
                "موضوع از «سایر» به «روشنایی» تغییر کرد"));
        assertThatThrownBy(() -> desk.recategorize(message.code(), "parking", "maryam"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("category");
        desk.changeStatus(message.code(), RequestStatus.REJECTED, "maryam", Optional.empty());
        assertThatThrownBy(() -> desk.recategorize(message.code(), "pothole", "maryam"))
                .isInstanceOf(RequestNotOpenException.class);
        assertThat(desk.find(message.code()).orElseThrow().category()).isEqualTo("lighting");
    }

    @Test
    void aUnitGivesItsResultTheCitizenSaysItIsNotFixedAndItGoesBackToTheUnit() {
        CitizenRequest request = register("09121111111", 6, POTHOLE);
        clock.advance(Duration.ofHours(1));
        desk.refer(request.code(), Optional.of("فنی و عمرانی منطقه ۶"), Optional.empty(), Optional.empty(), "maryam");
        Instant referredAt = clock.instant();
        clock.advance(Duration.ofDays(2));

        CitizenRequest resolved = desk.giveResult(request.code(), "  آسفالت ترمیم شد ", "unit6");

        assertThat(resolved.status()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(resolved.result()).contains("آسفالت ترمیم شد");
        assertThat(resolved.resultAt()).contains(clock.instant());
        assertThat(resolved.referral()).hasValueSatisfying(r -> {
            assertThat(r.referredAt()).isEqualTo(referredAt);
            assertThat(r.acknowledgedAt()).as("a result means work was done").contains(clock.instant());
        });
        assertThatThrownBy(() -> desk.giveResult(request.code(), "دوباره", "unit6"))
                .isInstanceOf(IllegalTransitionException.class);

        clock.advance(Duration.ofDays(1));
        CitizenRequest reopened = desk.answered(request.code(),
                new Satisfaction(1, Optional.of(false), clock.instant()), Optional.of("چاله هنوز هست"), "ivr");

        assertThat(reopened.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(reopened.reopened()).isEqualTo(1);
        assertThat(reopened.result()).isEmpty();
        assertThat(reopened.resultAt()).isEmpty();
        assertThat(reopened.satisfaction()).hasValueSatisfying(s -> assertThat(s.score()).isEqualTo(1));
        assertThat(reopened.referral()).as("the unit's time again, from now").hasValueSatisfying(r -> {
            assertThat(r.referredAt()).isEqualTo(clock.instant());
            assertThat(r.deadline()).isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tehran"))
                    .plusDays(14));
        });
        assertThat(reopened.history()).extracting(HistoryEntry::what).endsWith(
                "شهروند به نتیجه امتیاز ۱ از ۵ داد؛ مشکل برطرف نشده است",
                "دوباره به «فنی و عمرانی منطقه ۶» رفت، چون شهروند گفت مشکل برطرف نشده است: چاله هنوز هست");

        CitizenRequest again = desk.giveResult(request.code(), "این بار کامل ترمیم شد", "unit6");
        CitizenRequest happy = desk.answered(request.code(), new Satisfaction(5, Optional.of(true), clock.instant()),
                Optional.empty(), "ivr");
        assertThat(again.status()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(happy.status()).as("fixed: it stays resolved").isEqualTo(RequestStatus.RESOLVED);
        assertThat(happy.reopened()).isEqualTo(1);
    }

    @Test
    void aUnitsListHoldsItsOpenReferralsOnlyFromReferralToResultAndAgainWhenReopened() {
        CitizenRequest first = register("09121111111", 6, POTHOLE);
        CitizenRequest second = register("09122222222", 7, "چراغ کوچه خاموش است");
        CitizenRequest third = register("09123333333", 6, "زباله‌ها جمع نشده");
        String six = "فنی و عمرانی منطقه ۶";
        desk.refer(first.code(), Optional.of(six), Optional.empty(), Optional.empty(), "maryam");
        desk.refer(second.code(), Optional.of("روشنایی"), Optional.empty(), Optional.empty(), "maryam");
        desk.refer(third.code(), Optional.of(six), Optional.empty(), Optional.empty(), "maryam");
        assertThat(desk.waitingOn(six)).extracting(CitizenRequest::code).containsExactly(first.code(), third.code());
        assertThat(desk.waitingOn(" " + six + " ")).hasSize(2);
        assertThat(desk.waitingOn("فنی و عمرانی")).as("another unit's name, however alike").isEmpty();

        desk.changeStatus(first.code(), RequestStatus.IN_PROGRESS, "unit6", Optional.empty());
        desk.giveResult(third.code(), "جمع شد", "unit6");
        desk.sendBack(second.code(), "مربوط به ما نیست", "light");
        assertThat(desk.waitingOn(six)).extracting(CitizenRequest::code).containsExactly(first.code());
        assertThat(desk.waitingOn("روشنایی")).isEmpty();

        desk.answered(third.code(), new Satisfaction(1, Optional.of(false), clock.instant()), Optional.empty(), "ivr");
        assertThat(desk.waitingOn(six)).extracting(CitizenRequest::code).containsExactly(first.code(), third.code());
        assertThat(desk.waitingOnAnyUnit()).extracting(CitizenRequest::code).containsExactly(first.code(), third.code());
    }

    @Test
    void aUnitSendsBackWhatIsNotTheirsWithAReason() {
        CitizenRequest request = register("09121111111", 6, POTHOLE);
        assertThatThrownBy(() -> desk.sendBack(request.code(), "مربوط به ما نیست", "unit6"))
                .as("not referred yet").isInstanceOf(IllegalTransitionException.class);
        desk.refer(request.code(), Optional.of("فنی و عمرانی منطقه ۶"), Optional.empty(), Optional.empty(), "maryam");
        assertThatThrownBy(() -> desk.sendBack(request.code(), " ", "unit6"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("reason"));

        CitizenRequest back = desk.sendBack(request.code(), "این خیابان در حوزهٔ منطقه ۷ است", "unit6");

        assertThat(back.status()).isEqualTo(RequestStatus.REGISTERED);
        assertThat(back.referral()).isEmpty();
        assertThat(back.history().getLast().what())
                .isEqualTo("واحد «فنی و عمرانی منطقه ۶» آن را به مرکز ۱۳۷ برگرداند: این خیابان در حوزهٔ منطقه ۷ است");
        assertThat(desk.refer(back.code(), Optional.of("فنی و عمرانی منطقه ۷"), Optional.empty(), Optional.empty(),
                "maryam").status()).as("and is referred again").isEqualTo(RequestStatus.REFERRED);
    }

    @Test
    void theLifecycleIsFollowedAndEveryChangeIsInTheHistory() {
        CitizenRequest request = register("09121111111", 6, POTHOLE);
        desk.refer(request.code(), Optional.empty(), Optional.of("مهندس رضایی"), Optional.empty(), "agent1");
        desk.changeStatus(request.code(), RequestStatus.IN_PROGRESS, "agent1", Optional.empty());
        desk.changeStatus(request.code(), RequestStatus.RESOLVED, "agent1", Optional.of("آسفالت ترمیم شد"));
        CitizenRequest closed = desk.changeStatus(request.code(), RequestStatus.CLOSED, "supervisor", Optional.empty());

        assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(closed.result()).contains("آسفالت ترمیم شد");
        assertThat(closed.referral()).hasValueSatisfying(r -> {
            assertThat(r.unit()).isEqualTo("فنی و عمرانی");
            assertThat(r.deadline()).isEqualTo(LocalDate.of(2026, 3, 15));
        });
        assertThat(closed.history()).extracting(HistoryEntry::actor)
                .containsExactly("ivr", "agent1", "agent1", "agent1", "supervisor");

        assertThatThrownBy(() -> desk.changeStatus(request.code(), RequestStatus.IN_PROGRESS, "agent1", Optional.empty()))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("CLOSED");
        assertThat(desk.find(request.code()).orElseThrow().history()).hasSize(5);
    }

    @Test
    void skippingAStageIsRefused() {
        CitizenRequest request = register("09121111111", 6, POTHOLE);
        assertThatThrownBy(() -> desk.changeStatus(request.code(), RequestStatus.RESOLVED, "agent1", Optional.empty()))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(desk.find(request.code()).orElseThrow().status()).isEqualTo(RequestStatus.REGISTERED);
    }

    @Test
    void mergingADuplicateMovesItsCallerToTheOriginal() {
        CitizenRequest original = register("09121111111", 6, POTHOLE);
        CitizenRequest copy = register("09122222222", 6, POTHOLE_AGAIN);

        desk.markDuplicate(copy.code(), original.code(), "agent1");

        assertThat(desk.find(copy.code()).orElseThrow()).satisfies(c -> {
            assertThat(c.status()).isEqualTo(RequestStatus.DUPLICATE);
            assertThat(c.duplicateOf()).contains(original.code());
        });
        assertThat(desk.find(original.code()).orElseThrow().weight()).isEqualTo(2);
        assertThat(desk.findDuplicates(6, Optional.of("pothole"), POTHOLE_AGAIN)).extracting(DuplicateCandidate::code)
                .containsExactly(original.code());
    }

    @Test
    void listingsFilterAndPageNewestFirst() {
        for (int i = 0; i < 5; i++) {
            register("0912000000" + i, 3, "چاله شماره " + i + " در خیابان");
        }
        register("09129999999", 4, "زباله جمع آوری نشده");

        Page<CitizenRequest> first = desk.search(new RequestFilter(Optional.of(3), Optional.empty(), Optional.empty()), 0, 2);
        Page<CitizenRequest> last = desk.search(new RequestFilter(Optional.of(3), Optional.empty(), Optional.empty()), 2, 2);
        Page<CitizenRequest> cleaning = desk.search(new RequestFilter(Optional.empty(), Optional.of("cleaning"),
                Optional.of(RequestStatus.REGISTERED)), 0, 10);

        assertThat(first.items()).extracting(CitizenRequest::description)
                .containsExactly("چاله شماره 4 در خیابان", "چاله شماره 3 در خیابان");
        assertThat(first.hasNext()).isTrue();
        assertThat(last.items()).hasSize(1);
        assertThat(last.hasNext()).isFalse();
        assertThat(cleaning.items()).singleElement().extracting(CitizenRequest::district).isEqualTo(4);
    }

    @Test
    void everythingSurvivesAReopen() throws Exception {
        CitizenRequest request = register("09121111111", 6, POTHOLE);
        desk.join(request.code(), Optional.empty(), "agent1");
        desks.close();

        desks = new Desks(dir, clock);
        CitizenRequest reopened = desks.desk.find(request.code()).orElseThrow();
        assertThat(reopened.description()).isEqualTo(POTHOLE);
        assertThat(reopened.supporters()).singleElement().satisfies(s -> assertThat(s.callerNumber()).isEmpty());
        assertThat(desks.store.revision()).isEqualTo(2);
    }
}
