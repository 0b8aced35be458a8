package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.store.PostgresRequestStore;
import ir.hotline137.requests.store.RequestStore;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with {@code hotline.store: postgresql} against a real PostgreSQL: every feature's tables made
 * at start; a request registered through it is in the database, where another node (here: a store opened beside it)
 * reads it; a request another node registered is offered as a duplicate here, its index woken by that commit; the
 * node's health tells its store, its name and its index's lag without a login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunsOnPostgresqlTest {
    private static final TestPostgres POSTGRES = TestPostgres.freshSchema();

    @DynamicPropertySource
    static void onPostgresql(DynamicPropertyRegistry registry) throws Exception {
        TestApplication.isolated(registry, "hotline-on-postgresql");
        registry.add("hotline.store", () -> "postgresql");
        registry.add("hotline.postgresql.url", POSTGRES::url);
        registry.add("hotline.postgresql.username", () -> TestPostgres.USER);
        registry.add("hotline.postgresql.password", () -> TestPostgres.PASSWORD);
        registry.add("hotline.node-name", () -> "node-a");
    }

    @AfterAll
    static void dropSchema() throws Exception {
        POSTGRES.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    RequestDesk desk;

    @Test
    void requestsGoToPostgresqlAndAnotherNodesAreOfferedAsDuplicatesHere() throws Exception {
        CitizenRequest mine = desk.register(NewRequest.fromCaller("09121110001", 6, "آب‌گرفتگی زیرگذر میدان شهدا",
                RequestSource.IVR_SPEECH));
        try (PostgresDatabase otherNode = PostgresDatabase.open(new PostgresSettings(POSTGRES.url(), TestPostgres.USER,
                TestPostgres.PASSWORD, 2))) {
            RequestStore theirs = PostgresRequestStore.open(otherNode);
            assertThat(theirs.find(mine.code())).as("in PostgreSQL, for every node").isPresent();

            Instant at = Instant.now();
            CitizenRequest lamp = theirs.insert(new CitizenRequest(TrackingCode.random(new Random(77)), 0, 0, at,
                    Optional.empty(), 7, "lighting", "چراغ برق کوچه شهید رضایی سوخته و شب‌ها کوچه تاریک است",
                    RequestSource.AGENT, Optional.empty(), RequestStatus.REGISTERED,
                    List.of(new HistoryEntry(at, "node-b", "ثبت شد (اپراتور)")), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty()));
            boolean offered = false;
            for (int i = 0; i < 200 && !offered; i++) {
                offered = desk.findDuplicates(7, Optional.of("lighting"), "لامپ تیر برق کوچه شهید رضایی سوخته")
                        .stream().anyMatch(c -> c.code().equals(lamp.code()));
                if (!offered) {
                    Thread.sleep(50);
                }
            }
            assertThat(offered).as("another node's request offered here").isTrue();
        }
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/cluster")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"store\":\"postgresql\"", "\"node\":\"node-a\"", "\"indexLag\":");
    }
}
