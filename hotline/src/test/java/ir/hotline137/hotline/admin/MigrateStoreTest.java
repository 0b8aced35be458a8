package ir.hotline137.hotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.open311.ApiClient;
import ir.hotline137.console.open311.MapDbApiClients;
import ir.hotline137.console.open311.PostgresApiClients;
import ir.hotline137.mayor.meeting.MapDbMeetings;
import ir.hotline137.mayor.meeting.Meeting;
import ir.hotline137.mayor.meeting.MeetingKind;
import ir.hotline137.mayor.meeting.PostgresMeetings;
import ir.hotline137.mayor.meeting.Registration;
import ir.hotline137.mayor.meeting.RegistrationSource;
import ir.hotline137.mayor.meeting.RegistrationStatus;
import ir.hotline137.outbound.callback.Callback;
import ir.hotline137.outbound.callback.CallbackKind;
import ir.hotline137.outbound.callback.MapDbCallbacks;
import ir.hotline137.outbound.callback.PostgresCallbacks;
import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.PostgresOutbox;
import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.requests.store.PostgresRequestStore;
import ir.hotline137.store.Storage;
import ir.hotline137.store.StoreSettings;
import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate-store} on a data folder with records of every kind that carries numbers of its own: everything
 * arrives in PostgreSQL as it was (codes, ids, history), what is numbered next follows it, the outbox stands where it
 * stood, and running it again moves nothing twice; a PostgreSQL already in use is refused.
 */
class MigrateStoreTest {
    private static final Instant AT = Instant.parse("2026-11-20T07:30:00Z");
    private static final LocalDateTime DAY = LocalDateTime.of(2026, 12, 12, 10, 0);

    @TempDir
    Path dir;
    private final TestPostgres postgres = TestPostgres.freshSchema();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void dropSchema() throws Exception {
        postgres.close();
    }

    @Test
    void everyRecordArrivesAsItWasAndASecondRunMovesNothingTwice() throws Exception {
        Path data = dir.resolve("data");
        List<CitizenRequest> requests = new ArrayList<>();
        Meeting meeting;
        Registration registration;
        Callback callback;
        Notification notification;
        ApiClient client;
        long seenRevision;
        try (Storage storage = storage(data)) {
            MapDbRequestStore store = MapDbRequestStore.open(storage);
            Random random = new Random(137);
            for (int i = 0; i < 3; i++) {
                requests.add(store.insert(request(TrackingCode.random(random), i)));
            }
            requests.add(store.insert(resolved(TrackingCode.random(random))));
            MapDbMeetings meetings = MapDbMeetings.open(storage);
            meetings.add(meeting(0, "جلسهٔ نخست"));
            meeting = meetings.add(meeting(0, "مردم سلام"));
            registration = meetings.register(new Registration(0, meeting.id(), Optional.of("09121230001"), 6,
                    "پروانهٔ ساخت", RegistrationSource.VENUE, AT, "maryam", RegistrationStatus.REGISTERED,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            MapDbCallbacks callbacks = MapDbCallbacks.open(storage);
            callbacks.add(Callback.asked("09121110003", CallbackKind.KEPT_PLACE, AT, AT, Optional.empty(),
                    Optional.of(6)));
            callback = callbacks.add(Callback.asked("09121110004", CallbackKind.MESSAGE, AT, AT,
                    Optional.of(requests.getFirst().code()), Optional.of(7)));
            MapDbOutbox outbox = MapDbOutbox.open(storage);
            outbox.startFrom(0, 0, AT);
            seenRevision = store.revision();
            notification = outbox.add(List.of(Notification.made("k1", requests.get(3).code(), NoticeKind.RESULT,
                    Channel.SMS, "09121234567", "نتیجه", AT)), seenRevision).getFirst();
            outbox.receipt("m-77", "DELIVRD");
            client = MapDbApiClients.open(storage).add(new ApiClient(0, "برنامهٔ شهر", "a".repeat(64), "h137_abcd",
                    AT, "boss", Optional.empty(), Optional.empty()));
        }

        assertThat(migrate(data)).as(err.toString(StandardCharsets.UTF_8)).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("requests: 4 in the data folder, 4 in PostgreSQL",
                "notifications: 1 in the data folder, 1 in PostgreSQL",
                "callbacks: 2 in the data folder, 2 in PostgreSQL",
                "meetings and registrations: 3 in the data folder, 3 in PostgreSQL",
                "Open311 clients: 1 in the data folder, 1 in PostgreSQL", "everything moved");
        out.reset();
        assertThat(migrate(data)).as("run again").isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("requests: 4 in the data folder, 4 in PostgreSQL",
                "meetings and registrations: 3 in the data folder, 3 in PostgreSQL");

        try (PostgresDatabase database = database(); ClusterNode node = ClusterNode.join(database, "node-a",
                Duration.ofSeconds(5))) {
            PostgresRequestStore store = PostgresRequestStore.open(database);
            for (CitizenRequest before : requests) {
                CitizenRequest after = store.find(before.code()).orElseThrow();
                assertThat(after.history()).isEqualTo(before.history());
                assertThat(after.status()).isEqualTo(before.status());
                assertThat(after.sequence()).as("registered in the same order").isEqualTo(before.sequence());
            }
            PostgresMeetings meetings = PostgresMeetings.open(database);
            assertThat(meetings.meeting(meeting.id())).contains(meeting);
            assertThat(meetings.registration(registration.id())).contains(registration);
            assertThat(meetings.add(meeting(0, "پس از انتقال")).id()).as("numbered after those moved in")
                    .isEqualTo(meeting.id() + 1);
            assertThat(PostgresCallbacks.open(database, node).find(callback.id())).contains(callback);
            PostgresOutbox outbox = PostgresOutbox.open(database, node);
            assertThat(outbox.find(notification.id())).contains(notification);
            assertThat(outbox.seenRevision()).as("the outbox has seen every change, in PostgreSQL's numbering")
                    .contains(store.revision());
            assertThat(outbox.startedAt()).contains(AT);
            assertThat(PostgresApiClients.open(database).client(client.id())).contains(client);
        }

    }

    @Test
    void aPostgresqlAlreadyInUseIsRefused() throws Exception {
        Path data = dir.resolve("data");
        try (Storage storage = storage(data)) {
            MapDbRequestStore.open(storage).insert(request(TrackingCode.random(new Random(1)), 0));
        }
        try (PostgresDatabase database = database()) {
            PostgresRequestStore.open(database).insert(request(TrackingCode.random(new Random(2)), 1));
        }

        assertThat(migrate(data)).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PostgreSQL already holds requests (1)")
                .contains("never into one in use");
    }

    private int migrate(Path data) {
        return AdminCommandLine.run(new String[] {"migrate-store", "--hotline.data-dir=" + data,
            "--hotline.postgresql.url=" + postgres.url(), "--hotline.postgresql.username=" + TestPostgres.USER,
            "--hotline.postgresql.password=" + TestPostgres.PASSWORD},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private PostgresDatabase database() {
        return PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD,
                2));
    }

    private static Storage storage(Path data) {
        return Storage.open(data, new StoreSettings(Duration.ofMinutes(1), 0, 1L << 20));
    }

    private static CitizenRequest request(TrackingCode code, int n) {
        Instant at = AT.plusSeconds(n);
        return new CitizenRequest(code, 0, 0, at, Optional.of(new CallerNumber("0912111000" + n)), 6, "lighting",
                "چراغ برق کوچه " + n + " سوخته است", RequestSource.AGENT, Optional.empty(),
                RequestStatus.REGISTERED, List.of(new HistoryEntry(at, "maryam", "ثبت شد (اپراتور)")), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.empty());
    }

    /** A request with more than a registration in its history. */
    private static CitizenRequest resolved(TrackingCode code) {
        return new CitizenRequest(code, 0, 0, AT, Optional.of(new CallerNumber("09121110009")), 7, "pothole", "چاله عمیق خیابان بهار",
                RequestSource.IVR_SPEECH, Optional.empty(), RequestStatus.RESOLVED,
                List.of(new HistoryEntry(AT, "ivr", "ثبت شد (تلفن گویا)"),
                        new HistoryEntry(AT.plusSeconds(3600), "boss", "رسیدگی شد: چاله پر شد")),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.empty());
    }

    private static Meeting meeting(long id, String title) {
        return new Meeting(id, MeetingKind.MARDOM_SALAM, title, DAY, "مسجد محل", Optional.of(6),
                List.of("شهردار منطقهٔ ۶"), Map.of("شهردار منطقهٔ ۶", 10), Duration.ofMinutes(10), 30,
                DAY.minusDays(7), DAY.minusDays(1), "boss", AT);
    }
}
