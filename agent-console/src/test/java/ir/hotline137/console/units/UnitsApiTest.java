package ir.hotline137.console.units;

import static ir.hotline137.console.ConsoleTestApplication.UNIT_SIX;
import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.ConsoleTestApplication;
import ir.hotline137.console.TestApi;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.store.RequestStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The follow-up office over real HTTP: a unit sees, hears and acts on only what is referred to it, never the
 * citizen's number, and none of the 137 centre's screens; the supervisors see what is late and the units' figures.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnitsApiTest {
    private static final String UNIT = TestApi.basic("unit6", "unit-secret");
    private static final String AGENT = TestApi.basic("maryam", "agent-secret");
    private static final String SUPERVISOR = TestApi.basic("boss", "boss-secret");

    @Value("${local.server.port}")
    int port;

    @Autowired
    RequestDesk desk;

    @Autowired
    RequestStore store;

    @Test
    void aUnitSeesActsOnAndHearsOnlyWhatIsReferredToItWithoutTheCitizensNumber() throws Exception {
        CitizenRequest ours = referred("09121230001", UNIT_SIX);
        desk.join(ours.code(), Optional.of("09127778899"), "ivr");
        CitizenRequest theirs = referred("09121230002", "روشنایی");

        HttpResponse<String> mine = send("GET", "/api/units/mine", UNIT, null);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains(ours.code().value(), "\"unit\":\"" + UNIT_SIX + "\"", "\"lateness\":\"ON_TIME\"")
                .doesNotContain(theirs.code().value());

        assertThat(send("GET", "/api/requests/" + theirs.code().value(), UNIT, null).statusCode())
                .as("another unit's request is not found").isEqualTo(404);
        assertThat(send("GET", "/api/requests/" + theirs.code().value() + "/recording", UNIT, null).statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/requests/" + theirs.code().value() + "/notes", UNIT, "{\"text\":\"x\"}")
                .statusCode()).isEqualTo(404);
        HttpResponse<String> one = send("GET", "/api/requests/" + ours.code().value(), UNIT, null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"callerNumber\":null", "شمارهٔ پنهان")
                .doesNotContain("09121230001", "۰۹۱۲۷۷۷۸۸۹۹", "09127778899");
        assertThat(send("GET", "/api/requests/" + ours.code().value(), AGENT, null).body())
                .as("the 137 centre sees the numbers").contains("09121230001", "۰۹۱۲۷۷۷۸۸۹۹");

        HttpResponse<String> begun = send("POST", "/api/requests/" + ours.code().value() + "/acknowledge", UNIT, null);
        assertThat(begun.body()).contains("\"status\":\"IN_PROGRESS\"");
        HttpResponse<String> empty = send("POST", "/api/requests/" + ours.code().value() + "/result", UNIT,
                "{\"result\":\" \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(TestApi.field(empty.body(), "field")).isEqualTo("result");
        HttpResponse<String> done = send("POST", "/api/requests/" + ours.code().value() + "/result", UNIT,
                "{\"result\":\"خرابی برطرف شد.\",\"resolved\":true}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(desk.find(ours.code()).orElseThrow().resultAt()).isPresent();
        assertThat(send("POST", "/api/requests/" + ours.code().value() + "/result", UNIT,
                "{\"result\":\"دوباره\"}").statusCode()).as("already resolved").isEqualTo(409);
        assertThat(send("GET", "/api/units/mine", UNIT, null).body()).doesNotContain(ours.code().value());

        CitizenRequest wrongUnit = referred("09121230003", UNIT_SIX);
        HttpResponse<String> back = send("POST", "/api/requests/" + wrongUnit.code().value() + "/send-back", UNIT,
                "{\"reason\":\"در حوزهٔ منطقه ۷ است\"}");
        assertThat(back.body()).contains("\"status\":\"REGISTERED\"", "\"referral\":null");
        assertThat(send("GET", "/api/requests/" + wrongUnit.code().value(), UNIT, null).statusCode())
                .as("sent back, no longer the unit's").isEqualTo(404);
    }

    @Test
    void aUnitHasNoneOfTheCentresScreens() throws Exception {
        assertThat(send("GET", "/api/requests", UNIT, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/requests/similar?district=6&text=x", UNIT, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/requests", UNIT, "{\"district\":6,\"description\":\"x\"}").statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/calls/waiting", UNIT, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/agents", UNIT, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/mayor/queue", UNIT, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/units/late", UNIT, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/units/figures", UNIT, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/me", UNIT, null).body()).contains("\"roles\":[\"UNIT\"]");
        assertThat(send("GET", "/api/directory", UNIT, null).body()).contains(UNIT_SIX, "خرابی برطرف شد.");
        assertThat(send("GET", "/api/units/mine", AGENT, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/units/mine", SUPERVISOR, null).statusCode()).as("names no unit").isEqualTo(400);
        assertThat(send("GET", "/api/units/mine?unit=" + java.net.URLEncoder.encode(UNIT_SIX,
                java.nio.charset.StandardCharsets.UTF_8), SUPERVISOR, null).statusCode()).isEqualTo(200);
    }

    @Test
    void supervisorsSeeWhatIsLateTheMayorsListFirstAndEachUnitsFigures() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Tehran");
        LocalDate today = LocalDate.now(zone);
        // Referred long ago: 7 days given 20 days ago (for the mayor), 7 days given 10 days ago (overdue).
        CitizenRequest forTheMayor = stored(today.minusDays(20), 7, "واحد کند");
        CitizenRequest overdue = stored(today.minusDays(10), 7, "واحد کند");

        HttpResponse<String> late = send("GET", "/api/units/late", SUPERVISOR, null);
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body().indexOf(forTheMayor.code().value())).isNotNegative()
                .isLessThan(late.body().indexOf(overdue.code().value()));
        assertThat(late.body()).contains("\"lateness\":\"FOR_THE_MAYOR\"", "\"lateness\":\"OVERDUE\"");

        HttpResponse<String> figures = send("GET", "/api/units/figures?days=30&by=unit", SUPERVISOR, null);
        assertThat(figures.body()).contains("\"key\":\"واحد کند\"", "\"lateNow\":2", "\"forTheMayor\":1");
        HttpResponse<String> csv = send("GET", "/api/units/figures?days=30&by=unit&format=csv", SUPERVISOR, null);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("\uFEFFkey,label,referred,");
        assertThat(csv.body().lines()).anyMatch(line -> line.startsWith("واحد کند,واحد کند,2,0,,,,2,1,0,0,"));
        HttpResponse<String> bad = send("GET", "/api/units/figures?by=street", SUPERVISOR, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestApi.field(bad.body(), "field")).isEqualTo("by");
    }

    @Test
    void aSupervisorAddsAUnitPersonWhoMustHaveAUnitAndNoOtherRole() throws Exception {
        HttpResponse<String> noUnit = send("POST", "/api/users", SUPERVISOR,
                "{\"username\":\"unit9\",\"password\":\"a long enough one\",\"roles\":[\"UNIT\"]}");
        assertThat(noUnit.statusCode()).isEqualTo(400);
        assertThat(TestApi.field(noUnit.body(), "field")).isEqualTo("unit");
        HttpResponse<String> mixed = send("POST", "/api/users", SUPERVISOR,
                "{\"username\":\"unit9\",\"password\":\"a long enough one\",\"roles\":[\"UNIT\",\"AGENT\"],\"unit\":\"منطقه ۹\"}");
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(TestApi.field(mixed.body(), "field")).isEqualTo("roles");
        HttpResponse<String> added = send("POST", "/api/users", SUPERVISOR,
                "{\"username\":\"unit9\",\"password\":\"a long enough one\",\"roles\":[\"UNIT\"],\"unit\":\" منطقه ۹ \"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).contains("\"unit\":\"منطقه ۹\"");
        assertThat(send("GET", "/api/units/mine", TestApi.basic("unit9", "a long enough one"), null).body())
                .contains("\"unit\":\"منطقه ۹\"", "\"requests\":[]");
    }

    private CitizenRequest referred(String caller, String unit) {
        CitizenRequest request = desk.register(NewRequest.fromCaller(caller, 6, "چاله بزرگ جلوی مدرسه", RequestSource.AGENT));
        return desk.refer(request.code(), Optional.of(unit), Optional.empty(), Optional.empty(), "maryam");
    }

    /** A request referred in the past, as the store keeps one: the desk only refers today. */
    private CitizenRequest stored(LocalDate referredOn, int days, String unit) {
        Instant at = referredOn.atTime(9, 0).atZone(ZoneId.of("Asia/Tehran")).toInstant();
        CitizenRequest request = new CitizenRequest(TrackingCode.random(new Random()), 0, 0, at, Optional.empty(), 6,
                "other", "سد معبر", RequestSource.AGENT, Optional.empty(), RequestStatus.REFERRED,
                List.of(new HistoryEntry(at, "maryam", "ثبت شد")), List.of(), Optional.empty(),
                Optional.of(Referral.made(unit, null, referredOn.plusDays(days), at)), Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.empty());
        return store.insert(request);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        return TestApi.send(port, method, path, authorization, json);
    }
}
