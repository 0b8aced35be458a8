package ir.hotline137.mayor.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.mayor.MayorSettings;
import ir.hotline137.requests.Desks;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.MutableClock;
import ir.hotline137.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A meeting's registrations in PostgreSQL, driven by the same desk as in the data folder: numbered, in the order
 * they came, turns given and refused as the rules say, kept across a reopening; a refused change writes nothing.
 */
class PostgresMeetingsTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final Instant SATURDAY = Instant.parse("2026-12-05T06:30:00Z");

    @TempDir
    Path dir;

    @Test
    void registrationsAreRoutedInTurnAndKept() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY, TEHRAN);
        LocalDateTime now = LocalDateTime.ofInstant(SATURDAY, TEHRAN);
        try (TestPostgres postgres = TestPostgres.freshSchema(); Desks desks = new Desks(dir, clock)) {
            long meetingId;
            List<Registration> citizens;
            try (PostgresDatabase database = open(postgres)) {
                MeetingDesk desk = desk(PostgresMeetings.open(database), desks, clock);
                Meeting meeting = desk.create(new MeetingDesk.MeetingDraft(MeetingKind.PUBLIC_MEETING, "دیدار مردمی",
                        LocalDateTime.of(2026, 12, 12, 10, 0), "تالار شهر", Optional.of(6),
                        List.of("معاون خدمات شهری"), Map.of("معاون خدمات شهری", 1), Optional.empty(),
                        Optional.of(Duration.ofMinutes(15)), now.minusDays(1), now.plusDays(3)), "boss");
                meetingId = meeting.id();
                Registration first = desk.register(meetingId, Optional.of("09121230001"), 6, "پروانهٔ ساخت",
                        RegistrationSource.AGENT, "maryam");
                Registration second = desk.register(meetingId, Optional.of("09121230002"), 6, "سد معبر",
                        RegistrationSource.API, "app");
                citizens = List.of(first, second);
                assertThat(desk.route(meetingId, first.id(), "معاون خدمات شهری", "host").turn()).contains(1);
                assertThatThrownBy(() -> desk.route(meetingId, second.id(), "معاون خدمات شهری", "host"))
                        .isInstanceOfSatisfying(MeetingRefused.class, e -> assertThat(e.code()).isEqualTo("official-full"));
            }
            try (PostgresDatabase database = open(postgres)) {
                MeetingDesk desk = desk(PostgresMeetings.open(database), desks, clock);
                assertThat(desk.meetings()).extracting(Meeting::title).containsExactly("دیدار مردمی");
                assertThat(desk.registrations(meetingId)).extracting(Registration::id)
                        .containsExactly(citizens.get(0).id(), citizens.get(1).id());
                assertThat(desk.registration(citizens.get(1).id())).map(Registration::status)
                        .contains(RegistrationStatus.REGISTERED);
                assertThat(desk.expectedAt(citizens.get(0).id())).contains(LocalDateTime.of(2026, 12, 12, 10, 0));
            }
        }
    }

    @Test
    void twoNodesRoutingAtOnceGiveTwoTurns() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY, TEHRAN);
        LocalDateTime now = LocalDateTime.ofInstant(SATURDAY, TEHRAN);
        try (TestPostgres postgres = TestPostgres.freshSchema(); Desks desks = new Desks(dir, clock);
             PostgresDatabase nodeA = open(postgres); PostgresDatabase nodeB = open(postgres)) {
            MeetingDesk deskA = desk(PostgresMeetings.open(nodeA), desks, clock);
            MeetingDesk deskB = desk(PostgresMeetings.open(nodeB), desks, clock);
            for (int round = 0; round < 10; round++) {
                Meeting meeting = deskA.create(new MeetingDesk.MeetingDraft(MeetingKind.PUBLIC_MEETING, "دیدار " + round,
                        LocalDateTime.of(2026, 12, 12, 10, 0), "تالار شهر", Optional.of(6), List.of("معاون شهرسازی"),
                        Map.of("معاون شهرسازی", 2), Optional.empty(), Optional.empty(), now.minusDays(1),
                        now.plusDays(3)), "boss");
                Registration one = deskA.register(meeting.id(), Optional.of("0912123000" + round), 6, "یک",
                        RegistrationSource.AGENT, "maryam");
                Registration two = deskA.register(meeting.id(), Optional.of("0912124000" + round), 6, "دو",
                        RegistrationSource.AGENT, "maryam");
                CountDownLatch go = new CountDownLatch(1);
                List<Optional<Integer>> turns = new CopyOnWriteArrayList<>();
                List<Thread> committees = List.of(
                        Thread.ofVirtual().start(() -> turns.add(route(go, deskA, meeting.id(), one.id()))),
                        Thread.ofVirtual().start(() -> turns.add(route(go, deskB, meeting.id(), two.id()))));
                go.countDown();
                for (Thread committee : committees) {
                    committee.join();
                }
                assertThat(turns).as("round %d", round).containsExactlyInAnyOrder(Optional.of(1), Optional.of(2));
            }
        }
    }

    private static Optional<Integer> route(CountDownLatch go, MeetingDesk desk, long meeting, long registration) {
        try {
            go.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return desk.route(meeting, registration, "معاون شهرسازی", "host").turn();
    }

    private static MeetingDesk desk(Meetings meetings, Desks desks, MutableClock clock) {
        return new MeetingDesk(meetings, desks.desk, new MayorSettings(30, TEHRAN),
                new MeetingSettings(Map.of(MeetingKind.PUBLIC_MEETING, 30, MeetingKind.PEOPLES_WEDNESDAY, 30,
                        MeetingKind.MARDOM_SALAM, 90), 10, Duration.ofMinutes(10)), clock);
    }

    private static PostgresDatabase open(TestPostgres postgres) {
        return PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 2));
    }
}
