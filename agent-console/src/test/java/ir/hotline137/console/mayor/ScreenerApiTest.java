package ir.hotline137.console.mayor;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.ConsoleTestApplication;
import ir.hotline137.console.TestApi;
import ir.hotline137.mayor.file.CallerFile;
import ir.hotline137.mayor.file.CallerFiles;
import ir.hotline137.mayor.file.CallerFlag;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.line.MayorTopic;
import ir.hotline137.switchboard.CallId;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The screener's API over real HTTP: who may set a caller file, designate the next caller and write to the other
 * side; what each keeps; each bad field named.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScreenerApiTest {
    private static final String SUPERVISOR = TestApi.basic("boss", "boss-secret");
    private static final String MODERATOR = TestApi.basic("host", "host-secret");
    private static final String MAYOR = TestApi.basic("mayor", "mayor-secret");
    private static final String AGENT = TestApi.basic("maryam", "agent-secret");

    @Value("${local.server.port}")
    int port;

    @Autowired
    MayorLine line;

    @Autowired
    CallerFiles files;

    @Test
    void aCallerFileIsSetByTheScreeningRoomReadByTheMayorAndShownOnTheLine() throws Exception {
        HttpResponse<String> byMayor = send("PUT", "/api/mayor/callers/09121112233/file", MAYOR,
                "{\"flags\":[\"WARNING\"],\"note\":\"x\"}");
        assertThat(byMayor.statusCode()).as("the mayor reads files, the screening room writes them").isEqualTo(403);
        assertThat(send("PUT", "/api/mayor/callers/09121112233/file", AGENT, "{\"flags\":[]}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> badFlag = send("PUT", "/api/mayor/callers/09121112233/file", MODERATOR,
                "{\"flags\":[\"VIP\"]}");
        assertThat(badFlag.statusCode()).isEqualTo(400);
        assertThat(TestApi.field(badFlag.body(), "field")).isEqualTo("flags");
        HttpResponse<String> badNumber = send("PUT", "/api/mayor/callers/abc/file", MODERATOR, "{\"flags\":[]}");
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(TestApi.field(badNumber.body(), "field")).isEqualTo("number");

        HttpResponse<String> set = send("PUT", "/api/mayor/callers/+98%20912%20111%202233/file", MODERATOR,
                "{\"flags\":[\"official\",\"WARNING\"],\"note\":\"عضو شورای شهر\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(files.find("09121112233")).hasValueSatisfying(file -> {
            assertThat(file.flags()).containsExactly(CallerFlag.WARNING, CallerFlag.OFFICIAL);
            assertThat(file.by()).isEqualTo("host");
        });
        assertThat(send("GET", "/api/mayor/callers/09121112233/file", MAYOR, null).body())
                .contains("\"flags\":[\"WARNING\",\"OFFICIAL\"]", "عضو شورای شهر");

        openSession();
        line.join(new CallId("1764920000.1"), topic("09121112233"));
        String queue = send("GET", "/api/mayor/queue", MAYOR, null).body();
        assertThat(queue).contains("\"flags\":[\"WARNING\",\"OFFICIAL\"]", "\"fileNote\":\"عضو شورای شهر\"");
    }

    @Test
    void aWithheldCallerIsFoundByTheNumberTheyGive() throws Exception {
        files.put(new CallerFile("09125556677", Set.of(CallerFlag.BLOCKED),
                "پیش‌تر توهین کرد", "host", Instant.now()));
        openSession();
        line.join(new CallId("1764920000.21"), new MayorTopic(Optional.empty(), Optional.of(6), Optional.of("ترافیک"),
                Optional.empty()));
        line.join(new CallId("1764920000.22"), topic("09121110022"));

        HttpResponse<String> bad = send("POST", "/api/mayor/queue/1764920000.21/number", MODERATOR, "{\"number\":\"x\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestApi.field(bad.body(), "field")).isEqualTo("number");
        HttpResponse<String> known = send("POST", "/api/mayor/queue/1764920000.22/number", MODERATOR,
                "{\"number\":\"09125556677\"}");
        assertThat(known.statusCode()).as("the network's number stands").isEqualTo(409);

        HttpResponse<String> typed = send("POST", "/api/mayor/queue/1764920000.21/number", MODERATOR,
                "{\"number\":\"۰۹۱۲۵۵۵۶۶۷۷\"}");
        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(typed.body()).contains("\"callerNumber\":\"09125556677\"", "\"numberTyped\":true",
                "\"flags\":[\"BLOCKED\"]", "پیش‌تر توهین کرد");
    }

    @Test
    void theNextCallerIsDesignatedOnlyWhenScreenedAndARejectionKeepsItsReason() throws Exception {
        openSession();
        line.join(new CallId("1764920000.11"), topic("09121110011"));
        line.join(new CallId("1764920000.12"), topic("09121110012"));

        HttpResponse<String> unscreened = send("POST", "/api/mayor/queue/1764920000.12/next", MODERATOR, null);
        assertThat(unscreened.statusCode()).isEqualTo(409);
        assertThat(TestApi.field(unscreened.body(), "code")).isEqualTo("not-now");
        assertThat(send("POST", "/api/mayor/queue/1764920000.12/approve", MODERATOR, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/mayor/queue/1764920000.12/next", MAYOR, null).statusCode())
                .as("the mayor takes callers, the screening room orders them").isEqualTo(403);
        HttpResponse<String> designated = send("POST", "/api/mayor/queue/1764920000.12/next", MODERATOR, null);
        assertThat(designated.body()).contains("\"designatedNext\":true");

        HttpResponse<String> tooLong = send("POST", "/api/mayor/queue/1764920000.11/reject", MODERATOR,
                "{\"reason\":\"" + "x".repeat(301) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(TestApi.field(tooLong.body(), "field")).isEqualTo("reason");
        HttpResponse<String> rejected = send("POST", "/api/mayor/queue/1764920000.11/reject", MODERATOR,
                "{\"reason\":\"پرسش شخصی\"}");
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(rejected.body()).contains("\"state\":\"REJECTED\"", "host: " + MayorLine.REJECTED_BECAUSE + "پرسش شخصی");
    }

    @Test
    void messagesGoBothWaysWhileAProgrammeIsOpen() throws Exception {
        line.current().ifPresent(open -> line.close(open.id(), "boss"));
        HttpResponse<String> none = send("POST", "/api/mayor/messages", MODERATOR, "{\"text\":\"دو دقیقه مانده\"}");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(TestApi.field(none.body(), "code")).isEqualTo("no-session");

        openSession();
        assertThat(send("POST", "/api/mayor/messages", MODERATOR, "{\"text\":\"دو دقیقه مانده\"}").statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/api/mayor/messages", MAYOR, "{\"text\":\"یک تماس دیگر\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> empty = send("POST", "/api/mayor/messages", MAYOR, "{\"text\":\" \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(TestApi.field(empty.body(), "field")).isEqualTo("text");
        assertThat(send("POST", "/api/mayor/messages", AGENT, "{\"text\":\"سلام\"}").statusCode()).isEqualTo(403);

        String queue = send("GET", "/api/mayor/queue", MODERATOR, null).body();
        assertThat(queue.indexOf("دو دقیقه مانده")).isPositive().isLessThan(queue.indexOf("یک تماس دیگر"));
        assertThat(queue).contains("\"from\":\"host\"", "\"from\":\"mayor\"");
    }

    private void openSession() throws Exception {
        line.current().ifPresent(open -> line.close(open.id(), "boss"));
        assertThat(send("POST", "/api/mayor/sessions", SUPERVISOR, "{\"title\":\"شهردار پاسخ می‌دهد\"}").statusCode())
                .isEqualTo(201);
    }

    private static MayorTopic topic(String number) {
        return new MayorTopic(Optional.of(number), Optional.of(6), Optional.of("ترافیک"), Optional.empty());
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        return TestApi.send(port, method, path, authorization, json);
    }
}
