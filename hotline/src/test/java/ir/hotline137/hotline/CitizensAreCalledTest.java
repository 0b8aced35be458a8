package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.TestApi;
import ir.hotline137.ivr.server.FastAgiServer;
import ir.hotline137.testsupport.ami.FakeAmi;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Through the running application, a manager interface speaking AMI over TCP and a PBX speaking FastAGI to the real
 * server: a unit gives its result; the caller (busy at first) and the supporter are called, one line at a time. The
 * supporter hears the result, answers the satisfaction questions on the keypad and says it is not fixed, which sends
 * the request back to its unit; the caller, called again after the spacing, hears that it is back with the unit and
 * is not asked to rate a result that no longer stands. The request's JSON lists each call and how it went.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Its manager connection is to this class's fake only: the application stops with it, not at the end of the run.
@DirtiesContext
class CitizensAreCalledTest {
    private static final String UNIT_SIX = "فنی و عمرانی منطقه ۶";
    private static final String AGENT = TestApi.basic("maryam", "agent-secret");
    private static final String UNIT = TestApi.basic("unit6", "unit-secret");
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String CALLER = "PJSIP/09125550101@trunk";
    private static final String SUPPORTER = "PJSIP/09125550202@trunk";
    private static final String S = "hotline137/";
    private static FakeAmi ami;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        ami = FakeAmi.start("hotline", "ami-secret", "notify");
        TestApplication.isolated(registry, "hotline-calls");
        TestApplication.user(registry, 0, "maryam", "agent-secret", "AGENT", "PJSIP/101");
        TestApplication.user(registry, 1, "unit6", "unit-secret", "UNIT", null);
        registry.add("hotline.users[1].unit", () -> UNIT_SIX);
        registry.add("hotline.ami.host", () -> "127.0.0.1");
        registry.add("hotline.ami.port", () -> Integer.toString(ami.port()));
        registry.add("hotline.ami.username", () -> "hotline");
        registry.add("hotline.ami.password", () -> "ami-secret");
        // Any hour and day: the test runs when it runs.
        registry.add("hotline.outbound.calling-hours", () -> "00:00-23:59");
        registry.add("hotline.outbound.days-off", () -> "");
        registry.add("hotline.outbound.every", () -> "200ms");
        registry.add("hotline.outbound.call-spacing", () -> "1s");
        // One line: the caller's second call waits for the supporter's to end.
        registry.add("hotline.outbound.calls", () -> "1");
        // A caller on hold is offered to keep their place at the first announcement after a moment's wait.
        registry.add("hotline.ivr.keep-place-after", () -> "10ms");
        registry.add("hotline.ivr.hold-announcement", () -> "300ms");
    }

    @BeforeEach
    void freshAmi() {
        ami.forget();
    }

    @AfterAll
    static void stopAmi() {
        ami.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    FastAgiServer fastAgi;

    @Test
    void theSupporterSaysTheResultIsNotRightAndTheCallerLearnsItIsBackWithTheUnit() throws Exception {
        try (FakeAsterisk pbx = new FakeAsterisk("127.0.0.1", fastAgi.port())) {
            ami.answeringOn(pbx);
            ami.whenCalled(CALLER, new FakeAmi.Busy(), new FakeAmi.Answers(Caller.withNumber("137")));
            ami.whenCalled(SUPPORTER, new FakeAmi.Answers(Caller.withNumber("137").presses("2").presses("2")
                    .hangsUp()));
            HttpResponse<String> registered = send("POST", "/api/requests", AGENT,
                    "{\"callerNumber\":\"09125550101\",\"district\":6,\"description\":\"چراغ کوچه خاموش است\"}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            String code = TestApi.field(registered.body(), "code");
            assertThat(send("POST", "/api/requests/" + code + "/join", AGENT,
                    "{\"callerNumber\":\"09125550202\"}").statusCode()).isEqualTo(200);
            assertThat(send("POST", "/api/requests/" + code + "/referral", AGENT,
                    "{\"unit\":\"" + UNIT_SIX + "\"}").statusCode()).isEqualTo(200);
            Thread.sleep(500);
            assertThat(ami.originates()).as("a registration and a referral are not called about").isEmpty();

            assertThat(send("POST", "/api/requests/" + code + "/result", UNIT,
                    "{\"result\":\"خرابی برطرف شد.\",\"resolved\":true}").statusCode()).isEqualTo(200);
            List<FakeAmi.Originate> placed = ami.awaitOriginates(3, SOON);
            assertThat(placed).extracting(FakeAmi.Originate::channel).containsExactly(CALLER, SUPPORTER, CALLER);
            assertThat(placed).allSatisfy(o -> {
                assertThat(o.context()).isEqualTo("hotline-notify");
                assertThat(o.exten()).isEqualTo("notify");
                assertThat(o.callerId()).isEqualTo("137");
                assertThat(o.variables()).containsKey("HOTLINE_NOTICE");
            });

            String view = eventually(() -> {
                String body = send("GET", "/api/requests/" + code, AGENT, null).body();
                return body.contains("\"kind\":\"RESULT\",\"channel\":\"call\",\"to\":\"09125550101\","
                        + "\"status\":\"DONE\",\"attempts\":2") && body.contains("\"kind\":\"RESULT\",\"channel\":"
                        + "\"call\",\"to\":\"09125550202\",\"status\":\"DONE\",\"attempts\":1") ? body : null;
            });
            assertThat(view).contains("\"outcome\":\"answered\"", "\"status\":\"IN_PROGRESS\"", "\"reopened\":1",
                    "\"satisfaction\":{\"score\":2,\"fixed\":false", "امتیاز ۲ از ۵",
                    "شهروند گفت مشکل برطرف نشده است");

            List<FakeCall> calls = ami.answeredCalls();
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).awaitEnd(SOON).played()).as("the supporter: the result, then the questions")
                    .containsSubsequence(S + "notice-hello", S + "status-resolved", S + "result-is",
                            S + "result-repaired", S + "satisfaction-ask", S + "fixed-ask", S + "not-fixed-ask");
            assertThat(calls.get(1).awaitEnd(SOON).played()).as("the caller, after: back with the unit")
                    .containsSubsequence(S + "notice-hello", S + "status-in-progress", S + "goodbye")
                    .doesNotContain(S + "satisfaction-ask", S + "result-is");
            Thread.sleep(500);
            assertThat(ami.originates()).as("nobody called again once told").hasSize(3);
        }
    }

    @Test
    void aCallerWhoKeptTheirPlaceIsCalledBackFromTheAgentsPhoneAfterTheAgentMissedTheFirstRing() throws Exception {
        String citizen = "09125550303";
        try (FakeAsterisk pbx = new FakeAsterisk("127.0.0.1", fastAgi.port())) {
            ami.answeringOn(pbx);
            ami.whenCalled("PJSIP/101", new FakeAmi.RingsOut(), new FakeAmi.Answers(Caller.withNumber("137")));
            CallTranscript kept = pbx.dial(Caller.withNumber(citizen).presses("0").presses("1")).awaitEnd(SOON);
            assertThat(kept.played()).contains(S + "keep-place-offer", S + "keep-place-kept");

            String queue = eventually(() -> {
                String body = send("GET", "/api/callbacks", AGENT, null).body();
                return body.contains("\"number\":\"" + citizen + "\"") ? body : null;
            });
            assertThat(queue).contains("\"kind\":\"KEPT_PLACE\"", "\"place\":1", "\"status\":\"WAITING\"");
            String id = queue.replaceAll("(?s).*\"id\":(\\d+),\"place\":1,\"number\":\"" + citizen + "\".*", "$1");
            assertThat(send("GET", "/api/callbacks", UNIT, null).statusCode()).as("not a unit's work").isEqualTo(403);

            assertThat(send("POST", "/api/callbacks/" + id + "/call", AGENT, null).statusCode()).isEqualTo(200);
            eventually(() -> {
                String body = send("GET", "/api/callbacks", AGENT, null).body();
                return body.contains("\"outcome\":\"agent_missed\"") && body.contains("\"status\":\"WAITING\"")
                        ? body : null;
            });
            assertThat(send("POST", "/api/callbacks/" + id + "/call", AGENT, null).statusCode()).isEqualTo(200);
            String done = eventually(() -> {
                String body = send("GET", "/api/callbacks", AGENT, null).body();
                return body.contains("\"status\":\"DONE\"") ? body : null;
            });
            assertThat(done).contains("\"outcome\":\"answered\"", "\"open\":[]");

            List<FakeAmi.Originate> toAgent = ami.originates().stream()
                    .filter(o -> o.channel().equals("PJSIP/101")).toList();
            assertThat(toAgent).hasSize(2).allSatisfy(o -> assertThat(o.variables())
                    .containsEntry("HOTLINE_CALLBACK", id));
            CallTranscript agentLeg = ami.answeredCalls().getLast().awaitEnd(SOON);
            assertThat(agentLeg.played()).contains(S + "callback-connecting");
            assertThat(agentLeg.executed("Dial")).as("the agent's phone first, then the citizen's")
                    .containsExactly("PJSIP/" + citizen + "@trunk,30,g");
        }
    }

    private String eventually(Callable<String> found) throws Exception {
        long end = System.nanoTime() + SOON.toNanos();
        while (System.nanoTime() < end) {
            String value = found.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not so within " + SOON + ": " + found.call());
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        return TestApi.send(port, method, path, authorization, json);
    }
}
