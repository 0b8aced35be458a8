package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.TestApi;
import ir.hotline137.ivr.server.FastAgiServer;
import ir.hotline137.testsupport.ami.FakeAmi;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.testsupport.asterisk.FakeCall;
import ir.hotline137.testsupport.smpp.FakeSmsc;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A public meeting through the running application, with an SMS centre and a manager interface speaking their
 * protocols: a supervisor creates it; three citizens register (by phone on the fake Asterisk, by an agent, by the
 * city's app); one is linked to an earlier request; the committee routes two and declines one; the SMS centre carries
 * the invitations and the refusal; at the meeting two instructions become referrals; a unit answers one, and its
 * citizen is told by SMS and called; the follow-up report shows one answered and one open with days left.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PublicMeetingTest {
    private static final String UNIT_SIX = "فنی و عمرانی منطقه ۶";
    private static final String AGENT = TestApi.basic("maryam", "agent-secret");
    private static final String SUPERVISOR = TestApi.basic("boss", "boss-secret");
    private static final String MODERATOR = TestApi.basic("host", "host-secret");
    private static final String UNIT = TestApi.basic("unit6", "unit-secret");
    private static final Duration SOON = Duration.ofSeconds(30);
    private static FakeSmsc smsc;
    private static FakeAmi ami;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        smsc = FakeSmsc.start("sms-pass");
        ami = FakeAmi.start("hotline", "ami-secret", "notify");
        TestApplication.isolated(registry, "hotline-meeting");
        TestApplication.user(registry, 0, "maryam", "agent-secret", "AGENT", "PJSIP/101");
        TestApplication.user(registry, 1, "unit6", "unit-secret", "UNIT", null);
        registry.add("hotline.users[1].unit", () -> UNIT_SIX);
        TestApplication.user(registry, 2, "boss", "boss-secret", "SUPERVISOR", null);
        TestApplication.user(registry, 3, "host", "host-secret", "MODERATOR", "PJSIP/200");
        registry.add("hotline.sms.host", () -> "127.0.0.1");
        registry.add("hotline.sms.port", () -> Integer.toString(smsc.port()));
        registry.add("hotline.sms.system-id", () -> "hotline");
        registry.add("hotline.sms.password", () -> "sms-pass");
        registry.add("hotline.ami.host", () -> "127.0.0.1");
        registry.add("hotline.ami.port", () -> Integer.toString(ami.port()));
        registry.add("hotline.ami.username", () -> "hotline");
        registry.add("hotline.ami.password", () -> "ami-secret");
        registry.add("hotline.outbound.calling-hours", () -> "00:00-23:59");
        registry.add("hotline.outbound.days-off", () -> "");
        registry.add("hotline.outbound.every", () -> "200ms");
    }

    @AfterAll
    static void stopPeers() throws IOException {
        ami.close();
        smsc.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    FastAgiServer fastAgi;

    @Test
    void fromRegistrationToTheFollowUpReport() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tehran")).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime day = now.plusDays(5).withHour(10).withMinute(0);
        HttpResponse<String> created = send("POST", "/api/meetings", SUPERVISOR, "{\"kind\":\"PUBLIC_MEETING\","
                + "\"title\":\"دیدار مردمی با شهردار\",\"date\":\"" + day + "\",\"place\":\"تالار شهر\","
                + "\"officials\":[\"معاون خدمات شهری\",\"شهردار منطقهٔ ۶\"],\"registrationOpens\":\""
                + now.minusHours(1) + "\",\"registrationCloses\":\"" + now.plusDays(2) + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String at = "/api/meetings/" + idOf(created.body());

        FakeAsterisk pbx = new FakeAsterisk("127.0.0.1", fastAgi.port());
        ami.answeringOn(pbx);
        ami.whenCalled("PJSIP/09125560001@trunk", new FakeAmi.Answers(Caller.withNumber("137")));
        CallTranscript byPhone = pbx.dial(Caller.withNumber("09125560001").presses("5").presses("6#")
                .says("پیاده روی خیابان بهار خراب است")).awaitEnd(SOON);
        assertThat(byPhone.played()).contains("hotline137/main-menu-meeting", "hotline137/meeting-registered");
        HttpResponse<String> earlier = send("POST", "/api/requests", AGENT,
                "{\"callerNumber\":\"09125560002\",\"district\":6,\"description\":\"چراغ کوچهٔ لاله خاموش است\"}");
        String earlierCode = TestApi.field(earlier.body(), "code");
        String byAgent = idOf(expect201(send("POST", at + "/registrations", AGENT,
                "{\"callerNumber\":\"09125560002\",\"district\":6,\"matter\":\"چراغ کوچهٔ لاله هنوز خاموش است\"}")));
        String byApp = idOf(expect201(send("POST", at + "/registrations", SUPERVISOR,
                "{\"callerNumber\":\"09125560003\",\"district\":6,\"matter\":\"صدای کارگاه شبانه\",\"source\":\"API\"}")));
        String registrations = send("GET", at + "/registrations", AGENT, null).body();
        String byPhoneId = registrations.replaceAll("(?s).*\\{\"id\":(\\d+),\"meetingId\":\\d+,\"callerNumber\":"
                + "\"09125560001\".*", "$1");
        assertThat(registrations).contains("\"source\":\"IVR\"", "\"source\":\"AGENT\"", "\"source\":\"API\"");

        assertThat(send("POST", at + "/registrations/" + byAgent + "/link", MODERATOR,
                "{\"code\":\"" + earlierCode + "\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", at + "/registrations/" + byPhoneId + "/route", MODERATOR,
                "{\"official\":\"معاون خدمات شهری\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", at + "/registrations/" + byAgent + "/route", MODERATOR,
                "{\"official\":\"شهردار منطقهٔ ۶\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", at + "/registrations/" + byApp + "/decline", MODERATOR,
                "{\"reason\":\"به پلیس ساختمان ارجاع شد\"}").statusCode()).isEqualTo(200);

        assertThat(smsc.await(m -> m.to().equals("989125560001"), SOON).text()).contains("تالار شهر");
        assertThat(smsc.await(m -> m.to().equals("989125560002") && m.text().contains("دعوت"), SOON).text())
                .contains("«دیدار مردمی با شهردار»");
        assertThat(smsc.await(m -> m.to().equals("989125560003"), SOON).text()).contains("به پلیس ساختمان ارجاع شد");
        ami.awaitOriginates(1, SOON);
        CallTranscript invited = eventuallyAnswered().awaitEnd(SOON);
        assertThat(invited.played()).as("the invitation by call: the day and hour, the place by SMS")
                .containsSubsequence("hotline137/notice-meeting-invited", "hotline137/meeting-hour",
                        "hotline137/n-10", "hotline137/meeting-place-sms", "hotline137/goodbye");

        String heardPhone = send("POST", at + "/registrations/" + byPhoneId + "/instruction", SUPERVISOR,
                "{\"unit\":\"" + UNIT_SIX + "\",\"instruction\":\"پیاده‌رو ترمیم شود\"}").body();
        String newCode = TestApi.field(heardPhone, "request");
        assertThat(send("POST", at + "/registrations/" + byAgent + "/instruction", SUPERVISOR,
                "{\"unit\":\"" + UNIT_SIX + "\",\"instruction\":\"چراغ تعمیر شود\"}").body())
                .contains("\"request\":\"" + earlierCode + "\"");
        assertThat(send("POST", "/api/requests/" + earlierCode + "/result", UNIT,
                "{\"result\":\"خرابی برطرف شد.\",\"resolved\":true}").statusCode()).isEqualTo(200);

        assertThat(smsc.await(m -> m.to().equals("989125560002") && m.text().startsWith("نتیجهٔ رسیدگی"), SOON)
                .text()).contains("خرابی برطرف شد.");
        ami.awaitOriginates(1, SOON);
        assertThat(ami.originates()).extracting(FakeAmi.Originate::channel).contains("PJSIP/09125560002@trunk");

        String report = send("GET", at + "/report", AGENT, null).body();
        assertThat(report).contains("\"registered\":3", "\"declined\":1", "\"heard\":2", "\"answered\":1",
                "\"open\":1", "\"request\":\"" + newCode + "\"", "\"lateness\":\"ON_TIME\"");
        assertThat(report).containsPattern("\"daysLeft\":\\d+");
        pbx.close();
    }

    private FakeCall eventuallyAnswered() throws InterruptedException {
        long end = System.nanoTime() + SOON.toNanos();
        while (ami.answeredCalls().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(ami.answeredCalls()).as("a call answered").isNotEmpty();
        return ami.answeredCalls().getFirst();
    }

    private static HttpResponse<String> expect201(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static String idOf(HttpResponse<String> response) {
        return idOf(response.body());
    }

    private static String idOf(String json) {
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(id.find()).as("an id in " + json).isTrue();
        return id.group(1);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        return TestApi.send(port, method, path, authorization, json);
    }
}
