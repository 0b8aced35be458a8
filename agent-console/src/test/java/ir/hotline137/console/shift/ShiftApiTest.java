package ir.hotline137.console.shift;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.ConsoleTestApplication;
import ir.hotline137.console.TestApi;
import ir.hotline137.switchboard.Agent;
import ir.hotline137.switchboard.AwayReason;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.EscalationReason;
import ir.hotline137.switchboard.GatheredInfo;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.WaitingCall;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Going away for a reason, the wrap-up and "my shift" over real HTTP, as the console's page calls them: each bad
 * field named in a 400, nothing without a login.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShiftApiTest {
    private static final String NADIA = TestApi.basic("nadia", "nadia-secret");

    @Value("${local.server.port}")
    int port;

    @Autowired
    Switchboard switchboard;

    @Test
    void anAgentGoesAwayForAReasonTheSupervisorSees() throws Exception {
        switchboard.signIn(new Agent("nadia", "nadia", "PJSIP/105"));

        HttpResponse<String> prayer = TestApi.send(port, "POST", "/api/agents/me/presence", NADIA,
                "{\"presence\":\"AWAY\",\"reason\":\"PRAYER\"}");
        assertThat(prayer.statusCode()).isEqualTo(200);
        assertThat(prayer.body()).contains("\"presence\":\"AWAY\"", "\"awayReason\":\"PRAYER\"");
        assertThat(switchboard.agent("nadia").orElseThrow().awayReason()).contains(AwayReason.PRAYER);
        assertThat(TestApi.send(port, "GET", "/api/wallboard", TestApi.basic("boss", "boss-secret"), null).body())
                .contains("\"username\":\"nadia\",\"presence\":\"AWAY\",\"call\":null,\"awayReason\":\"PRAYER\"");

        HttpResponse<String> nap = TestApi.send(port, "POST", "/api/agents/me/presence", NADIA,
                "{\"presence\":\"AWAY\",\"reason\":\"NAP\"}");
        assertThat(nap.statusCode()).isEqualTo(400);
        assertThat(TestApi.field(nap.body(), "field")).isEqualTo("reason");
        HttpResponse<String> noAnswer = TestApi.send(port, "POST", "/api/agents/me/presence", NADIA,
                "{\"presence\":\"AWAY\",\"reason\":\"NO_ANSWER\"}");
        assertThat(noAnswer.statusCode()).as("only the switchboard says a phone did not answer").isEqualTo(400);

        HttpResponse<String> back = TestApi.send(port, "POST", "/api/agents/me/presence", NADIA,
                "{\"presence\":\"AVAILABLE\"}");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("\"presence\":\"AVAILABLE\"", "\"awayReason\":null");
    }

    @Test
    void aWrapUpIsGivenByItsAgentAndShowsInTheirShift() throws Exception {
        switchboard.signIn(new Agent("nadia", "nadia", "PJSIP/105"));
        switchboard.setAvailable("nadia");
        String id = "1733500000." + System.nanoTime();
        WaitingCall call = switchboard.enqueue(new CallId(id), new GatheredInfo(Optional.of("09121234567"), Optional.of(3),
                Optional.of("منطقه ۳"), Optional.empty(), Optional.empty(), List.of(), EscalationReason.ASKED_FOR_AGENT, 0));
        switchboard.accept(new CallId(id), "nadia");
        call.bridgeEnded();

        HttpResponse<String> badCode = TestApi.send(port, "POST", "/api/me/wrap-ups", NADIA,
                "{\"callId\":\"" + id + "\",\"outcome\":\"LUNCH\"}");
        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(TestApi.field(badCode.body(), "field")).isEqualTo("outcome");
        HttpResponse<String> notHers = TestApi.send(port, "POST", "/api/me/wrap-ups",
                TestApi.basic("reza", "other-secret"), "{\"callId\":\"" + id + "\",\"outcome\":\"INFORMATION\"}");
        assertThat(notHers.statusCode()).isEqualTo(404);
        assertThat(TestApi.field(notHers.body(), "field")).isEqualTo("callId");

        HttpResponse<String> given = TestApi.send(port, "POST", "/api/me/wrap-ups", NADIA,
                "{\"callId\":\"" + id + "\",\"outcome\":\"INFORMATION\",\"note\":\"ساعت کار منطقه را پرسید\"}");
        assertThat(given.statusCode()).isEqualTo(200);

        HttpResponse<String> shift = TestApi.send(port, "GET", "/api/me/shift", NADIA, null);
        assertThat(shift.statusCode()).isEqualTo(200);
        assertThat(shift.body()).contains("\"callId\":\"" + id + "\"", "\"wrapUp\":\"INFORMATION\"",
                "\"wrapUpNote\":\"ساعت کار منطقه را پرسید\"", "\"answered\":true,\"ongoing\":false");
    }

    @Test
    void noLoginNoShift() throws Exception {
        assertThat(TestApi.send(port, "GET", "/api/me/shift", null, null).statusCode()).isEqualTo(401);
        assertThat(TestApi.send(port, "POST", "/api/me/wrap-ups", null, "{}").statusCode()).isEqualTo(401);
    }
}
