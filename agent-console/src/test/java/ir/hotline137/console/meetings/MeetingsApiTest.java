package ir.hotline137.console.meetings;

import static ir.hotline137.console.ConsoleTestApplication.UNIT_SIX;
import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.ConsoleTestApplication;
import ir.hotline137.console.TestApi;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.testsupport.ShippedSettings;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A public meeting over real HTTP, as the written rules run it: a supervisor creates it (an agent may not); citizens
 * register by an agent and by the app, once per number; the executive review links one to an earlier request; the
 * screening committee routes two to officials who attend and declines one; at the meeting the instructions become
 * referred requests (the linked earlier one, and a new one with the kind's month); a unit answers one; the report
 * shows one answered and one open with days left, as JSON and as CSV.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeetingsApiTest {
    private static final String AGENT = TestApi.basic("maryam", "agent-secret");
    private static final String SUPERVISOR = TestApi.basic("boss", "boss-secret");
    private static final String MODERATOR = TestApi.basic("host", "host-secret");
    private static final String UNIT = TestApi.basic("unit6", "unit-secret");

    @Value("${local.server.port}")
    int port;

    @Autowired
    RequestDesk desk;

    @Test
    void aMeetingFromRegistrationToTheFollowUpReport() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tehran")).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime day = now.plusDays(7).withHour(10).withMinute(0);
        String meeting = "{\"kind\":\"PEOPLES_WEDNESDAY\",\"title\":\"چهارشنبهٔ مردمی منطقهٔ ۶\",\"date\":\"" + day
                + "\",\"place\":\"سالن شورای منطقهٔ ۶\",\"district\":6,\"officials\":[\"معاون خدمات شهری\",\""
                + UNIT_SIX + "\"],\"slots\":{\"معاون خدمات شهری\":1},\"minutesPerCitizen\":15,"
                + "\"registrationOpens\":\"" + now.minusDays(1) + "\",\"registrationCloses\":\""
                + now.plusDays(2) + "\"}";
        assertThat(send("POST", "/api/meetings", AGENT, meeting).statusCode()).as("an agent may not").isEqualTo(403);
        HttpResponse<String> late = send("POST", "/api/meetings", SUPERVISOR,
                meeting.replace("\"registrationCloses\":\"" + now.plusDays(2), "\"registrationCloses\":\""
                        + day.plusDays(1)));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("\"field\":\"registrationCloses\"");
        HttpResponse<String> created = send("POST", "/api/meetings", SUPERVISOR, meeting);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"registrationOpen\":true", "\"followUpDays\":30");
        String id = idOf(created.body());
        String at = "/api/meetings/" + id;

        CitizenRequest earlier = desk.register(NewRequest.fromCaller("09126660001", 6, "پیاده‌روی خیابان سعدی خراب است",
                RequestSource.IVR_SPEECH));
        String first = register(at, AGENT, "09126660001", "پیاده‌روی خیابان سعدی هنوز درست نشده", null);
        assertThat(send("POST", at + "/registrations", AGENT, "{\"callerNumber\":\"0912 666 0001\",\"district\":6,"
                + "\"matter\":\"دوباره\"}").body()).as("once per number").contains("\"id\":" + first);
        String second = register(at, TestApi.basic("reza", "other-secret"), "09126660002", "سد معبر جلوی بازار",
                "API");
        String third = register(at, AGENT, "09126660003", "مزاحمت صوتی کارگاه ساختمانی شبانه", null);
        HttpResponse<String> bad = send("POST", at + "/registrations", AGENT, "{\"district\":6,\"matter\":\" \"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"matter\"");
        assertThat(send("GET", at + "/registrations", AGENT, null).body()).as("the review sees their requests")
                .contains("\"code\":\"" + earlier.code().value() + "\"");

        assertThat(send("POST", at + "/registrations/" + first + "/link", AGENT,
                "{\"code\":\"" + earlier.code().value() + "\"}").statusCode()).as("the committees' work").isEqualTo(403);
        assertThat(send("POST", at + "/registrations/" + first + "/link", MODERATOR,
                "{\"code\":\"" + earlier.code().value() + "\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> stranger = send("POST", at + "/registrations/" + first + "/route", MODERATOR,
                "{\"official\":\"شهردار منطقهٔ ۹\"}");
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("\"field\":\"official\"");
        assertThat(send("POST", at + "/registrations/" + first + "/route", MODERATOR,
                "{\"official\":\"" + UNIT_SIX + "\"}").body()).contains("\"status\":\"ROUTED\"");
        assertThat(send("POST", at + "/registrations/" + second + "/route", SUPERVISOR,
                "{\"official\":\"معاون خدمات شهری\"}").body()).contains("\"turn\":1", "\"expectedAt\":\""
                + day.toLocalDate() + "T10:00");
        HttpResponse<String> full = send("POST", at + "/registrations/" + third + "/route", MODERATOR,
                "{\"official\":\"معاون خدمات شهری\"}");
        assertThat(full.statusCode()).as("one place only").isEqualTo(409);
        assertThat(full.body()).contains("\"code\":\"official-full\"");
        assertThat(send("GET", at, AGENT, null).body()).contains("\"minutesPerCitizen\":15",
                "{\"official\":\"معاون خدمات شهری\",\"slots\":1,\"taken\":1}",
                "{\"official\":\"" + UNIT_SIX + "\",\"slots\":"
                        + ShippedSettings.load().integer("hotline.mayor.meetings.slots-per-official") + ",\"taken\":1}");
        assertThat(send("POST", at + "/registrations/" + third + "/decline", MODERATOR,
                "{\"reason\":\"به پلیس ساختمان ارجاع شد؛ کد پیگیری برایتان پیامک می‌شود\"}").body())
                .contains("\"status\":\"DECLINED\"");
        HttpResponse<String> decided = send("POST", at + "/registrations/" + third + "/route", MODERATOR,
                "{\"official\":\"" + UNIT_SIX + "\"}");
        assertThat(decided.statusCode()).isEqualTo(409);
        assertThat(decided.body()).contains("\"code\":\"already-decided\"");
        HttpResponse<String> notRouted = send("POST", at + "/registrations/" + third + "/instruction", MODERATOR,
                "{\"unit\":\"" + UNIT_SIX + "\",\"instruction\":\"رسیدگی شود\"}");
        assertThat(notRouted.statusCode()).isEqualTo(409);
        assertThat(notRouted.body()).contains("\"code\":\"not-routed\"");

        HttpResponse<String> heardFirst = send("POST", at + "/registrations/" + first + "/instruction",
                TestApi.basic("mayor", "mayor-secret"), "{\"unit\":\"" + UNIT_SIX
                        + "\",\"instruction\":\"تا پایان ماه ترمیم شود\"}");
        assertThat(heardFirst.statusCode()).as(heardFirst.body()).isEqualTo(200);
        assertThat(heardFirst.body()).contains("\"status\":\"HEARD\"", "\"request\":\"" + earlier.code().value() + "\"");
        CitizenRequest referred = desk.find(earlier.code()).orElseThrow();
        assertThat(referred.status()).as("the linked earlier request carries it").isEqualTo(RequestStatus.REFERRED);
        assertThat(referred.referral().orElseThrow().deadline()).as("the kind's month from the meeting's day")
                .isEqualTo(day.toLocalDate().plusDays(30));
        HttpResponse<String> heardSecond = send("POST", at + "/registrations/" + second + "/instruction", SUPERVISOR,
                "{\"unit\":\"" + UNIT_SIX + "\",\"instruction\":\"سد معبر برداشته شود\",\"deadline\":\""
                        + day.toLocalDate().plusDays(10) + "\"}");
        String newCode = TestApi.field(heardSecond.body(), "request");
        CitizenRequest made = desk.find(TrackingCode.parse(newCode)).orElseThrow();
        assertThat(made.source()).isEqualTo(RequestSource.MEETING);
        assertThat(made.callerNumber().orElseThrow().digits()).isEqualTo("09126660002");

        assertThat(send("POST", "/api/requests/" + earlier.code().value() + "/result", UNIT,
                "{\"result\":\"پیاده‌رو ترمیم شد.\",\"resolved\":true}").statusCode()).isEqualTo(200);
        String report = send("GET", at + "/report", AGENT, null).body();
        assertThat(report).contains("\"registered\":3", "\"declined\":1", "\"heard\":2", "\"answered\":1",
                "\"open\":1", "\"result\":\"پیاده‌رو ترمیم شد.\"", "\"daysLeft\":", "\"lateness\":\"ON_TIME\"");
        HttpResponse<String> csv = send("GET", at + "/report?format=csv", AGENT, null);
        assertThat(csv.body()).startsWith("\uFEFFregistration,caller_number").contains(newCode, "DECLINED");
        String followUp = send("GET", "/api/meetings/follow-up", SUPERVISOR, null).body();
        assertThat(followUp).contains("\"meetingTitle\":\"چهارشنبهٔ مردمی منطقهٔ ۶\"");
        assertThat(followUp.indexOf(newCode)).as("the open one before the answered one").isNotNegative()
                .isLessThan(followUp.indexOf("\"request\":\"" + earlier.code().value() + "\""));
        assertThat(send("GET", "/api/meetings/follow-up", UNIT, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/meetings/999999/report", AGENT, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", at + "/report", UNIT, null).statusCode()).as("not a unit's").isEqualTo(403);
    }

    private String register(String at, String who, String number, String matter, String source) throws Exception {
        HttpResponse<String> made = send("POST", at + "/registrations", who, "{\"callerNumber\":\"" + number
                + "\",\"district\":6,\"matter\":\"" + matter + "\"" + (source == null ? "" : ",\"source\":\"" + source
                + "\"") + "}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return idOf(made.body());
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
