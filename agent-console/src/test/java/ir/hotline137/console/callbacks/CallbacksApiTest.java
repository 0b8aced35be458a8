package ir.hotline137.console.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.ConsoleTestApplication;
import ir.hotline137.console.TestApi;
import ir.hotline137.outbound.callback.Callback;
import ir.hotline137.outbound.callback.CallbackDesk;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The callback queue over real HTTP, on a console with no manager interface: the agents' and supervisors' work only,
 * in the order the citizens first waited; "call now" says why it cannot ring; a callback made from the agent's own
 * phone is recorded by hand (busy waits its spacing, answered is done), and one no longer needed is closed.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallbacksApiTest {
    private static final String AGENT = TestApi.basic("maryam", "agent-secret");
    private static final String MODERATOR = TestApi.basic("host", "host-secret");
    private static final String UNIT = TestApi.basic("unit6", "unit-secret");

    @Value("${local.server.port}")
    int port;

    @Autowired
    CallbackDesk callbacks;

    @Test
    void agentsWorkTheQueueInPlaceAndRecordWhatTheyDidByHand() throws Exception {
        Instant now = Instant.now();
        Callback later = callbacks.keepPlace(Optional.of("09127770002"), now.minus(Duration.ofMinutes(2)),
                Optional.of(6)).orElseThrow();
        Callback earlier = callbacks.leftMessage(Optional.of("09127770001"), now.minus(Duration.ofMinutes(9)),
                Optional.empty(), Optional.empty()).orElseThrow();
        assertThat(callbacks.keepPlace(Optional.of("1001"), now, Optional.empty())).as("an extension is not called back")
                .isEmpty();

        assertThat(send("GET", "/api/callbacks", MODERATOR, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/callbacks", UNIT, null).statusCode()).isEqualTo(403);
        String queue = send("GET", "/api/callbacks", AGENT, null).body();
        assertThat(queue.indexOf("09127770001")).as("first waited, first in place")
                .isLessThan(queue.indexOf("09127770002"));
        assertThat(queue).contains("\"kind\":\"KEPT_PLACE\"", "\"district\":6,\"districtName\":\"منطقه");

        HttpResponse<String> ring = send("POST", "/api/callbacks/" + earlier.id() + "/call", AGENT, null);
        assertThat(ring.statusCode()).isEqualTo(409);
        assertThat(ring.body()).contains("\"code\":\"no-exchange\"");

        HttpResponse<String> busy = send("POST", "/api/callbacks/" + earlier.id() + "/outcome", AGENT,
                "{\"outcome\":\"BUSY\"}");
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(200);
        assertThat(busy.body()).contains("\"status\":\"WAITING\"", "\"outcome\":\"busy\"", "\"due\":false");
        HttpResponse<String> wrong = send("POST", "/api/callbacks/" + earlier.id() + "/outcome", AGENT,
                "{\"outcome\":\"CLOSED_BY_AGENT\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"field\":\"outcome\"");
        assertThat(send("POST", "/api/callbacks/" + earlier.id() + "/outcome", AGENT, "{\"outcome\":\"ANSWERED\"}")
                .body()).contains("\"status\":\"DONE\"");

        assertThat(send("POST", "/api/callbacks/" + later.id() + "/close", AGENT, null).body())
                .contains("\"status\":\"CLOSED\"", "\"outcome\":\"closed_by_agent\"");
        HttpResponse<String> again = send("POST", "/api/callbacks/" + later.id() + "/close", AGENT, null);
        assertThat(again.statusCode()).as("closed once").isEqualTo(409);
        assertThat(again.body()).contains("\"code\":\"callback-taken\"");
        assertThat(send("POST", "/api/callbacks/99999/close", AGENT, null).statusCode()).isEqualTo(404);
        String after = send("GET", "/api/callbacks", AGENT, null).body();
        assertThat(after.substring(0, after.indexOf("\"recent\""))).doesNotContain("09127770001", "09127770002");
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        return TestApi.send(port, method, path, authorization, json);
    }
}
