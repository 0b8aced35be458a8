package ir.hotline137.console;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.line.MayorTopic;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.EscalationReason;
import ir.hotline137.switchboard.GatheredInfo;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.WaitingCall;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What stands in the way of a request that is fine in itself is said as a code a screen can word (409), each where
 * it arises: a caller gone before the agent's click, the mayor's line with no programme, none approved, one still on
 * air, a programme already open, a directive for a caller the mayor never heard.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConflictCodesTest {
    private static final String AGENT = TestApi.basic("maryam", "agent-secret");
    private static final String SUPERVISOR = TestApi.basic("boss", "boss-secret");
    private static final String MODERATOR = TestApi.basic("host", "host-secret");
    private static final String MAYOR = TestApi.basic("mayor", "mayor-secret");

    @Value("${local.server.port}")
    int port;

    @Autowired
    Switchboard switchboard;

    @Autowired
    MayorLine line;

    @Test
    void aCallerWhoHungUpBeforeTheClickIsNoLongerWaiting() throws Exception {
        WaitingCall call = switchboard.enqueue(new CallId("1764914400.21"),
                GatheredInfo.nothing(Optional.of("09121234567"), EscalationReason.ASKED_FOR_AGENT));
        call.abandon();

        HttpResponse<String> late = send("POST", "/api/calls/1764914400.21/accept", AGENT, null);

        assertConflict(late, "no-longer-waiting");
    }

    @Test
    void theMayorsLineSaysWhyTheNextCallerCannotBeTaken() throws Exception {
        // The console's test application is shared by its test classes (Spring keeps one context): start clean.
        line.current().ifPresent(open -> line.close(open.id(), "boss"));
        assertConflict(send("POST", "/api/mayor/next", MAYOR, null), "no-session");

        assertThat(send("POST", "/api/mayor/sessions", SUPERVISOR, "{\"title\":\"بی‌واسطه با مردم\"}").statusCode())
                .isEqualTo(201);
        assertConflict(send("POST", "/api/mayor/sessions", SUPERVISOR, "{\"title\":\"دوباره\"}"), "session-open");
        assertConflict(send("POST", "/api/mayor/next", MAYOR, null), "none-approved");

        // Callers as the IVR puts them on the line.
        line.join(new CallId("1764914400.31"), topic());
        line.join(new CallId("1764914400.32"), topic());
        String directive = "{\"unit\":\"منطقه ۶\",\"text\":\"پیگیری شود\"}";
        assertConflict(send("POST", "/api/mayor/calls/1764914400.31/directive", MODERATOR, directive), "not-heard");
        assertThat(send("POST", "/api/mayor/queue/1764914400.31/approve", MODERATOR, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/mayor/queue/1764914400.32/approve", MODERATOR, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/mayor/next", MAYOR, null).statusCode()).isEqualTo(200);

        assertConflict(send("POST", "/api/mayor/next", MAYOR, null), "still-on-air");
        assertConflict(send("POST", "/api/mayor/queue/1764914400.31/reject", MODERATOR, null), "not-now");
    }

    private static MayorTopic topic() {
        return new MayorTopic(Optional.of("09121234567"), Optional.of(6), Optional.of("ترافیک"), Optional.empty());
    }

    private static void assertConflict(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        return TestApi.send(port, method, path, authorization, json);
    }
}
