package ir.hotline137.console;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.switchboard.Agent;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.EscalationReason;
import ir.hotline137.switchboard.GatheredInfo;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.testsupport.ShippedSettings;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The console's JSON API, over real HTTP against the console on its own ({@link ConsoleTestApplication}): what an
 * agent's screen (or a script) does through it. Callers are put on the switchboard as the IVR puts them there; the
 * phone side of an accept (the IVR ringing the agent) is tested with the whole application.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleApiTest {
    private static final String AGENT = TestApi.basic("maryam", "agent-secret");

    @Value("${local.server.port}")
    int port;

    @Autowired
    Switchboard switchboard;

    @Autowired
    RequestDesk desk;

    @Test
    void anAgentTakesAWaitingCallAndALaterAgentIsTurnedAwaySayingByWhom() throws Exception {
        CallId call = new CallId("1764914400.3");
        // As the IVR does: the caller pressed 0, and the agents who accept are on duty.
        switchboard.signIn(new Agent("maryam", "مریم", "PJSIP/101"));
        switchboard.signIn(new Agent("reza", "رضا", "PJSIP/102"));
        switchboard.enqueue(call, GatheredInfo.nothing(Optional.of("09121234567"), EscalationReason.ASKED_FOR_AGENT));

        HttpResponse<String> waiting = send("GET", "/api/calls/waiting", AGENT, null);
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(waiting.body()).contains(call.value()).contains("09121234567");

        HttpResponse<String> taken = send("POST", "/api/calls/" + call.value() + "/accept", AGENT, null);
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(taken.body()).contains("PJSIP/101");
        assertThat(switchboard.call(call).orElseThrow().assignedTo()).contains("maryam");

        HttpResponse<String> late = send("POST", "/api/calls/" + call.value() + "/accept",
                TestApi.basic("reza", "other-secret"), null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("\"field\":\"id\"").contains("\"code\":\"taken\"")
                .contains("\"by\":\"maryam\"");
    }

    @Test
    void thePageLearnsTheCitysTimeZoneFromTheServer() throws Exception {
        HttpResponse<String> me = send("GET", "/api/me", AGENT, null);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"timeZone\":\"" + ShippedSettings.load().text("hotline.time-zone") + "\"");
    }

    @Test
    void anAgentRegistersARequestAndMovesItAlongItsLifecycle() throws Exception {
        HttpResponse<String> created = send("POST", "/api/requests", AGENT,
                "{\"callerNumber\":\"09127654321\",\"district\":4,\"description\":\"سطل زباله سه روز است خالی نشده\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"category\":\"cleaning\"").contains("REGISTERED");
        TrackingCode code = TrackingCode.parse(field(created.body(), "code"));
        CitizenRequest stored = desk.find(code).orElseThrow();
        assertThat(stored.history().getFirst().actor()).isEqualTo("maryam");

        HttpResponse<String> referred = send("POST", "/api/requests/" + code.value() + "/referral", AGENT,
                "{\"unit\":\"پسماند منطقه ۴\",\"deadline\":\"2999-01-01\"}");
        assertThat(referred.statusCode()).isEqualTo(200);
        assertThat(desk.find(code).orElseThrow().status()).isEqualTo(RequestStatus.REFERRED);
        HttpResponse<String> started = send("POST", "/api/requests/" + code.value() + "/status", AGENT,
                "{\"status\":\"in_progress\"}");
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(desk.find(code).orElseThrow().status()).isEqualTo(RequestStatus.IN_PROGRESS);

        HttpResponse<String> backwards = send("POST", "/api/requests/" + code.value() + "/status", AGENT,
                "{\"status\":\"REGISTERED\"}");
        assertThat(backwards.statusCode()).isEqualTo(409);
        assertThat(backwards.body()).contains("\"field\":\"status\"").contains("\"code\":\"not-now\"");

        HttpResponse<String> mine = send("GET", "/api/requests?caller=09127654321", AGENT, null);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains(code.value());
    }

    @Test
    void aBadRequestBodyIsRefusedNamingTheField() throws Exception {
        assertThat(send("POST", "/api/requests", AGENT, "{\"description\":\"x\"}").body())
                .contains("\"field\":\"district\"");
        HttpResponse<String> unknownDistrict = send("POST", "/api/requests", AGENT,
                "{\"district\":99,\"description\":\"چاله\"}");
        assertThat(unknownDistrict.statusCode()).isEqualTo(400);
        assertThat(unknownDistrict.body()).contains("\"field\":\"district\"");
        assertThat(send("POST", "/api/requests", AGENT, "{\"district\":4}").body())
                .contains("\"field\":\"description\"");
        assertThat(send("POST", "/api/requests", AGENT, "not json").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/requests?status=SOLVED", AGENT, null).body()).contains("\"field\":\"status\"");
        HttpResponse<String> wrongType = send("POST", "/api/requests", AGENT, "{\"district\":true,\"description\":\"چاله\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"field\":\"district\"");
        assertThat(send("GET", "/api/requests?page=999999999", AGENT, null).body()).contains("\"field\":\"page\"");
        assertThat(send("GET", "/api/requests?caller=abc", AGENT, null).body()).contains("\"field\":\"caller\"");
        HttpResponse<String> gone = send("GET", "/api/calls/1718000000.99", AGENT, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("\"field\":\"id\"");
    }

    @Test
    void anAgentRefersNotesSearchesAndMergesRequests() throws Exception {
        TrackingCode first = TrackingCode.parse(field(send("POST", "/api/requests", AGENT,
                "{\"callerNumber\":\"09121110000\",\"district\":7,\"description\":\"چاله‌های عمیق کوچه ياس\"}").body(), "code"));
        TrackingCode second = TrackingCode.parse(field(send("POST", "/api/requests", AGENT,
                "{\"callerNumber\":\"09122220000\",\"district\":7,\"description\":\"چاله بزرگ در کوچه یاس\"}").body(), "code"));

        HttpResponse<String> referredByStatus = send("POST", "/api/requests/" + first.value() + "/status", AGENT,
                "{\"status\":\"REFERRED\"}");
        assertThat(referredByStatus.statusCode()).as("a referral needs a unit and a deadline").isEqualTo(400);
        assertThat(referredByStatus.body()).contains("\"field\":\"status\"").contains("/referral");

        HttpResponse<String> referred = send("POST", "/api/requests/" + first.value() + "/referral", AGENT, "{}");
        assertThat(referred.statusCode()).isEqualTo(200);
        assertThat(referred.body()).contains("\"status\":\"REFERRED\"").contains("\"overdue\":false");
        assertThat(desk.find(first).orElseThrow().referral()).as("the category's default unit and deadline").isPresent();

        assertThat(send("POST", "/api/requests/" + first.value() + "/notes", AGENT, "{\"text\":\"با پیمانکار تماس گرفته شد\"}")
                .statusCode()).isEqualTo(200);
        assertThat(desk.find(first).orElseThrow().history().getLast().what()).isEqualTo("با پیمانکار تماس گرفته شد");
        assertThat(send("POST", "/api/requests/" + first.value() + "/notes", AGENT, "{\"text\":\" \"}").body())
                .contains("\"field\":\"text\"");

        // Arabic yeh in one, Persian in the other, plural and ZWNJ: the same words to the search.
        HttpResponse<String> found = send("GET", "/api/requests?district=7&q=" + java.net.URLEncoder.encode("چاله یاس",
                StandardCharsets.UTF_8), AGENT, null);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(first.value()).contains(second.value());

        HttpResponse<String> merged = send("POST", "/api/requests/" + second.value() + "/duplicate", AGENT,
                "{\"of\":\"" + first.value() + "\"}");
        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(desk.find(second).orElseThrow().status()).isEqualTo(RequestStatus.DUPLICATE);
        assertThat(desk.find(first).orElseThrow().supporters()).hasSize(1);

        HttpResponse<String> joined = send("POST", "/api/requests/" + first.value() + "/join", AGENT,
                "{\"callerNumber\":\"09123330000\"}");
        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(joined.body()).contains("\"supporters\":2");
    }

    @Test
    void anAgentPutsARequestUnderAnotherCategoryAndTheHistorySaysSoInPersian() throws Exception {
        TrackingCode code = TrackingCode.parse(field(send("POST", "/api/requests", AGENT,
                "{\"callerNumber\":\"09121110001\",\"district\":7,\"description\":\"پیام صوتی شهروند\"}").body(), "code"));

        HttpResponse<String> none = send("POST", "/api/requests/" + code.value() + "/category", AGENT, "{}");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("\"field\":\"category\"");
        HttpResponse<String> unknown = send("POST", "/api/requests/" + code.value() + "/category", AGENT,
                "{\"category\":\"parking\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"category\"");

        HttpResponse<String> moved = send("POST", "/api/requests/" + code.value() + "/category", AGENT,
                "{\"category\":\"lighting\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("\"category\":\"lighting\"", "\"open\":true",
                "موضوع از «سایر» به «روشنایی» تغییر کرد");
        assertThat(send("POST", "/api/requests/" + code.value() + "/category", null, "{\"category\":\"other\"}")
                .statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        return TestApi.send(port, method, path, authorization, json);
    }

    private static String field(String json, String name) {
        return TestApi.field(json, name);
    }

}
