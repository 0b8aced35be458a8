package ir.hotline137.hotline;

import ir.hotline137.console.TestApi;
import static ir.hotline137.hotline.BoardSocket.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.testsupport.asterisk.FakeCall;
import ir.hotline137.ivr.server.FastAgiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The live board over a real WebSocket against the running application, with callers on the fake Asterisk:
 * what every agent's screen receives, and in which order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveBoardTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void people(DynamicPropertyRegistry registry) throws Exception {
        TestApplication.isolated(registry, "hotline-live-board");
        TestApplication.user(registry, 0, "maryam", "agent-secret", "AGENT", "PJSIP/101");
        TestApplication.user(registry, 1, "reza", "other-secret", "AGENT", "PJSIP/102");
        TestApplication.user(registry, 2, "boss", "boss-secret", "SUPERVISOR", null);
        TestApplication.user(registry, 3, "sara", "sara-secret", "AGENT", "PJSIP/103");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    FastAgiServer fastAgi;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBoardStartsWithTheWholePictureThenReceivesEveryChangeInOrder() throws Exception {
        try (BoardSocket board = BoardSocket.open(http, port, "maryam", "agent-secret");
             FakeAsterisk asterisk = new FakeAsterisk("127.0.0.1", fastAgi.port())) {
            JsonNode snapshot = board.next(SOON);
            assertThat(snapshot.path("type").asString()).isEqualTo("snapshot");
            assertThat(agent(snapshot.path("agents"), "maryam").path("presence").asString())
                    .as("opening the board brings maryam on duty").isEqualTo("AVAILABLE");

            FakeCall call = asterisk.dial(Caller.withNumber("09121234567").presses("0").holds());
            JsonNode waiting = board.nextMatching(ofType("CallWaiting"), SOON);
            assertThat(waiting.path("call").path("id").asString()).isEqualTo(call.uniqueId());
            assertThat(waiting.path("call").path("callerNumber").asString()).isEqualTo("09121234567");
            assertThat(waiting.path("call").path("reason").asString()).isEqualTo("ASKED_FOR_AGENT");
            assertThat(waiting.path("call").path("position").asInt()).isEqualTo(1);

            HttpResponse<String> taken = post("/api/calls/" + call.uniqueId() + "/accept", "reza", "other-secret");
            assertThat(taken.statusCode()).isEqualTo(200);
            JsonNode assigned = board.nextMatching(ofType("CallAssigned"), SOON);
            assertThat(assigned.path("id").asString()).isEqualTo(call.uniqueId());
            assertThat(assigned.path("agent").asString()).isEqualTo("reza");
            JsonNode left = board.next(SOON);
            assertThat(left.path("type").asString()).isEqualTo("CallLeftQueue");
            assertThat(left.path("reason").asString()).isEqualTo("ASSIGNED");
            JsonNode busy = board.next(SOON);
            assertThat(busy.path("type").asString()).isEqualTo("AgentPresenceChanged");
            assertThat(busy.path("agent").path("username").asString()).isEqualTo("reza");
            assertThat(busy.path("agent").path("presence").asString()).isEqualTo("BUSY");
            assertThat(busy.path("agent").path("currentCall").asString()).isEqualTo(call.uniqueId());

            // The IVR rings the phone of the agent who accepted, not anyone's.
            assertThat(call.awaitCommand("EXEC Dial", SOON)).contains("PJSIP/102");
            call.hangUp();
            // Whether the hang-up came while reza's phone rang or after it answered, the call is over for him...
            JsonNode over = board.nextMatching(message -> call.uniqueId().equals(message.path("id").asString())
                    && ("CallEnded".equals(message.path("type").asString())
                    || "ABANDONED".equals(message.path("reason").asString())), SOON);
            assertThat(over.path("type").asString()).isIn("CallEnded", "CallLeftQueue");
            // ...and, having taken it without a board open, he is off duty again.
            assertThat(board.nextMatching(ofType("AgentSignedOut"), SOON).path("username").asString()).isEqualTo("reza");
        }
    }

    @Test
    void aCallThatAnAgentsPhoneDidNotAnswerComesBackWithItsPlaceInTheMessage() throws Exception {
        try (BoardSocket board = BoardSocket.open(http, port, "sara", "sara-secret");
             FakeAsterisk asterisk = new FakeAsterisk("127.0.0.1", fastAgi.port())) {
            board.next(SOON);
            FakeCall call = asterisk.dial(Caller.withNumber("09127777777").presses("0").holds().dialStatus("NOANSWER"));
            board.nextMatching(ofType("CallWaiting"), SOON);

            assertThat(post("/api/calls/" + call.uniqueId() + "/accept", "sara", "sara-secret").statusCode())
                    .isEqualTo(200);
            JsonNode returned = board.nextMatching(ofType("CallReturned"), SOON);
            assertThat(returned.path("agent").asString()).isEqualTo("sara");
            assertThat(returned.path("call").path("id").asString()).as("the call as it waits again")
                    .isEqualTo(call.uniqueId());
            assertThat(returned.path("call").path("callerNumber").asString()).isEqualTo("09127777777");
            JsonNode away = board.nextMatching(ofType("AgentPresenceChanged"), SOON);
            assertThat(away.path("agent").path("presence").asString()).as("an unanswered phone sets its agent away")
                    .isEqualTo("AWAY");
            assertThat(away.path("agent").path("awayReason").asString()).as("and says why, for the supervisor")
                    .isEqualTo("NO_ANSWER");
            call.hangUp();
        }
    }

    @Test
    void everyOpenBoardReceivesTheSameChange() throws Exception {
        List<BoardSocket> boards = new ArrayList<>();
        try (FakeAsterisk asterisk = new FakeAsterisk("127.0.0.1", fastAgi.port())) {
            for (int i = 0; i < 25; i++) {
                BoardSocket board = BoardSocket.open(http, port, i % 2 == 0 ? "boss" : "maryam",
                        i % 2 == 0 ? "boss-secret" : "agent-secret");
                boards.add(board);
                assertThat(board.next(SOON).path("type").asString()).isEqualTo("snapshot");
            }
            FakeCall call = asterisk.dial(Caller.withNumber("09350000000").presses("0").holds());
            for (BoardSocket board : boards) {
                JsonNode waiting = board.nextMatching(ofType("CallWaiting"), SOON);
                assertThat(waiting.path("call").path("id").asString()).isEqualTo(call.uniqueId());
            }
            call.hangUp();
        } finally {
            boards.forEach(BoardSocket::close);
        }
    }

    private static JsonNode agent(JsonNode agents, String username) {
        for (JsonNode agent : agents) {
            if (username.equals(agent.path("username").asString())) {
                return agent;
            }
        }
        throw new AssertionError(username + " is not among the agents " + agents);
    }

    private HttpResponse<String> post(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestApi.basic(user, password)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
