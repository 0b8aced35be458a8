package ir.hotline137.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.calls.MapDbCallLog;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.store.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresReportTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    /** 01:00 on 11 March in Tehran, still 10 March in UTC: "today" must be the Tehran day. */
    private static final Clock CLOCK = Clock.fixed(tehran("2026-03-11T01:00"), TEHRAN);

    @TempDir
    Path dir;
    private Storage storage;
    private MapDbRequestStore store;
    private MapDbCallLog calls;
    private FiguresReport report;
    private int codes;

    @BeforeEach
    void open() {
        storage = Storage.open(dir, Desks.STORE_SETTINGS);
        store = MapDbRequestStore.open(storage);
        calls = MapDbCallLog.open(storage);
        report = new FiguresReport(store, calls, Desks.DISTRICTS, Desks.CATEGORIES, CLOCK);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void requestsAreCountedOnTheirTehranDayPerDistrictAndCategory() {
        // 01:00 in Tehran on the window's first day is 21:30 UTC the evening before: it counts.
        insert(tehran("2026-03-05T01:00"), 6, "pothole", RequestStatus.REGISTERED, Optional.empty());
        // 23:30 in Tehran the day before the window: not counted, however close.
        insert(tehran("2026-03-04T23:30"), 6, "pothole", RequestStatus.REGISTERED, Optional.empty());
        insert(tehran("2026-01-20T10:00"), 6, "pothole", RequestStatus.REGISTERED, Optional.empty());
        insert(tehran("2026-03-06T09:00"), 2, "pothole", RequestStatus.REGISTERED, Optional.empty());
        insert(tehran("2026-03-08T12:00"), 2, "lighting", RequestStatus.REJECTED, Optional.empty());
        // 00:30 today in Tehran, 21:00 yesterday in UTC.
        insert(tehran("2026-03-11T00:30"), 2, "retired-category", RequestStatus.REGISTERED, Optional.empty());

        Figures figures = report.compute(7);

        assertThat(figures.from()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(figures.to()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(figures.perDistrict()).containsExactly(
                new Figures.Count("2", "منطقه 2", 3),
                new Figures.Count("6", "منطقه 6", 1));
        assertThat(figures.perCategory()).containsExactly(
                new Figures.Count("pothole", "آسفالت", 2),
                new Figures.Count("lighting", "روشنایی", 1),
                new Figures.Count("retired-category", "retired-category", 1));
    }

    @Test
    void openReferralsAreCountedWheneverRegisteredAndLateOnesAsOverdue() {
        LocalDate today = LocalDate.of(2026, 3, 11);
        insert(tehran("2026-03-01T10:00"), 6, "pothole", RequestStatus.REFERRED, referral(today.minusDays(1)));
        insert(tehran("2026-03-02T10:00"), 6, "pothole", RequestStatus.IN_PROGRESS, referral(today));
        insert(tehran("2025-06-01T10:00"), 6, "pothole", RequestStatus.REFERRED, referral(LocalDate.of(2025, 6, 15)));
        insert(tehran("2026-03-03T10:00"), 6, "pothole", RequestStatus.RESOLVED, referral(today.minusDays(5)));
        insert(tehran("2026-03-04T10:00"), 6, "pothole", RequestStatus.REGISTERED, Optional.empty());

        Figures figures = report.compute(1);

        assertThat(figures.from()).isEqualTo(today).isEqualTo(figures.to());
        assertThat(figures.perDistrict()).isEmpty();
        assertThat(figures.openReferrals()).isEqualTo(3);
        assertThat(figures.overdueReferrals()).as("a deadline of today is not late yet").isEqualTo(2);
    }

    @Test
    void callsAreCountedPerTehranDayWithEveryDayPresent() {
        calls.record(call("before", tehran("2026-03-08T23:30"), CallOutcome.REGISTERED, null));
        // 01:00 in Tehran on 9 March is 21:30 UTC on 8 March.
        calls.record(call("a", tehran("2026-03-09T01:00"), CallOutcome.REGISTERED, null));
        calls.record(call("b", tehran("2026-03-09T10:00"), CallOutcome.ESCALATED_ANSWERED, Duration.ofMillis(30_500)));
        calls.record(call("c", tehran("2026-03-09T11:00"), CallOutcome.ESCALATED_ABANDONED, Duration.ofMillis(89_500)));
        calls.record(call("d", tehran("2026-03-09T12:00"), CallOutcome.HUNG_UP, null));
        calls.record(call("e", tehran("2026-03-09T13:00"), CallOutcome.CALLBACK_REQUESTED, Duration.ofSeconds(60)));
        calls.record(call("f", tehran("2026-03-11T00:30"), CallOutcome.STATUS_HEARD, null));
        calls.record(call("g", tehran("2026-03-11T00:45"), CallOutcome.JOINED, null));

        Figures figures = report.compute(3);

        assertThat(figures.callsPerDay()).containsExactly(
                new Figures.CallDay(LocalDate.of(2026, 3, 9), 1, 1, 2, 1, 60.0),
                new Figures.CallDay(LocalDate.of(2026, 3, 10), 0, 0, 0, 0, 0.0),
                new Figures.CallDay(LocalDate.of(2026, 3, 11), 2, 0, 0, 0, 0.0));
    }

    @Test
    void everyOutcomeLandsInExactlyOneColumn() {
        Instant at = tehran("2026-03-10T09:00");
        for (CallOutcome outcome : CallOutcome.values()) {
            calls.record(call(outcome.name(), at, outcome, null));
        }

        Figures.CallDay day = report.compute(2).callsPerDay().getFirst();

        assertThat(day.ivrOnly() + day.escalatedAnswered() + day.abandoned() + day.unanswered())
                .isEqualTo(CallOutcome.values().length);
        // A person answered: an agent, or the mayor in a live programme; gave up waiting for either: abandoned;
        // waited for a person to the end and got nobody: unanswered, message or not.
        assertThat(day).isEqualTo(new Figures.CallDay(LocalDate.of(2026, 3, 10), 4, 2, 3, 2, 0.0));
    }

    @Test
    void callersWhoWaitedForAPersonAndGotNobodyAreUnansweredNotHandledByTheIvr() {
        Instant at = tehran("2026-03-10T09:00");
        Duration fiveMinutes = Duration.ofMinutes(5);
        calls.record(call("message-1", at, CallOutcome.CALLBACK_REQUESTED, fiveMinutes));
        calls.record(call("message-2", at.plusSeconds(60), CallOutcome.CALLBACK_REQUESTED, fiveMinutes));
        calls.record(call("silent", at.plusSeconds(120), CallOutcome.ESCALATED_UNANSWERED, fiveMinutes));
        // Kept before ESCALATED_UNANSWERED existed: the same caller, recorded as ENDED after the wait.
        calls.record(call("silent-before", at.plusSeconds(180), CallOutcome.ENDED, fiveMinutes));
        calls.record(call("code-unknown", at.plusSeconds(240), CallOutcome.ENDED, null));

        Figures.CallDay day = report.compute(2).callsPerDay().getFirst();

        assertThat(day.unanswered()).isEqualTo(4);
        assertThat(day.ivrOnly()).as("only the caller who never asked for a person").isEqualTo(1);
        assertThat(day.averageWaitSeconds()).isEqualTo(300.0);
    }

    @Test
    void theMayorsLineIsNotInTheAverageWaitForAnAgent() {
        Instant at = tehran("2026-03-10T09:00");
        calls.record(call("agent", at, CallOutcome.ESCALATED_ANSWERED, Duration.ofSeconds(20)));
        calls.record(new CallRecord("mayor", Optional.empty(), at, at.plusSeconds(900),
                List.of("menu:4", "mayor", "mayor:joined", "mayor:bridge:mayor"), CallOutcome.MAYOR_TALKED,
                Optional.empty(), Optional.of(Duration.ofMinutes(12)), Optional.of("mayor"), Optional.empty()));
        calls.record(new CallRecord("mayor-then-intake", Optional.empty(), at, at.plusSeconds(900),
                List.of("menu:4", "mayor", "mayor:joined", "mayor:closed", "registered"), CallOutcome.REGISTERED,
                Optional.empty(), Optional.of(Duration.ofMinutes(40)), Optional.empty(), Optional.empty()));

        Figures.CallDay day = report.compute(2).callsPerDay().getFirst();

        assertThat(day.averageWaitSeconds()).isEqualTo(20.0);
        assertThat(day.escalatedAnswered()).isEqualTo(2);
    }

    @Test
    void theNumberOfDaysIsCheckedNamingTheField() {
        for (int days : new int[] {0, -1, 367}) {
            assertThatThrownBy(() -> report.compute(days))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("days"));
        }
        assertThat(report.compute(366).callsPerDay()).hasSize(366);
        assertThat(report.compute(366).from()).isEqualTo(LocalDate.of(2025, 3, 11));
    }

    private void insert(Instant createdAt, int district, String category, RequestStatus status,
                        Optional<Referral> referral) {
        store.insert(new CitizenRequest(code(++codes), 0, 0, createdAt, Optional.empty(), district, category,
                "چاله در خیابان", RequestSource.AGENT, Optional.empty(), status, List.of(), List.of(),
                Optional.empty(), referral, Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty()));
    }

    private static Optional<Referral> referral(LocalDate deadline) {
        return Optional.of(Referral.made("فنی و عمرانی", null, deadline, deadline.minusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** A call that went to the agents' queue when it {@code waited}, else one that stayed in the menus. */
    private static CallRecord call(String id, Instant startedAt, CallOutcome outcome, Duration waited) {
        List<String> path = waited == null ? List.of("menu:1") : List.of("menu:0", CallRecord.TO_AGENTS + "asked_for_agent");
        return new CallRecord(id, Optional.empty(), startedAt, startedAt.plusSeconds(120), path, outcome,
                Optional.empty(), Optional.ofNullable(waited), Optional.empty(), Optional.empty());
    }

    private static Instant tehran(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TEHRAN).toInstant();
    }

    /** A valid tracking code (seven digits and the check digit). */
    private static TrackingCode code(int n) {
        String body = Integer.toString(1_000_000 + n);
        return new TrackingCode(body + TrackingCode.checkDigit(body));
    }
}
