package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.TestApi;
import ir.hotline137.requests.PersianDigits;
import ir.hotline137.testsupport.smpp.FakeSmsc;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Through the running application and an SMS centre speaking SMPP over TCP: an agent registers a request, a unit
 * gives its result, and the caller is sent the tracking code and then the result, which the request's JSON lists
 * as sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitizensAreToldBySmsTest {
    private static final String UNIT_SIX = "فنی و عمرانی منطقه ۶";
    private static final String AGENT = TestApi.basic("maryam", "agent-secret");
    private static final String UNIT = TestApi.basic("unit6", "unit-secret");
    private static final Duration SOON = Duration.ofSeconds(20);
    private static FakeSmsc smsc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        smsc = FakeSmsc.start("sms-pass");
        TestApplication.isolated(registry, "hotline-sms");
        TestApplication.user(registry, 0, "maryam", "agent-secret", "AGENT", "PJSIP/101");
        TestApplication.user(registry, 1, "unit6", "unit-secret", "UNIT", null);
        registry.add("hotline.users[1].unit", () -> UNIT_SIX);
        TestApplication.user(registry, 2, "boss", "boss-secret", "SUPERVISOR", null);
        registry.add("hotline.sms.host", () -> "127.0.0.1");
        registry.add("hotline.sms.port", () -> Integer.toString(smsc.port()));
        registry.add("hotline.sms.system-id", () -> "hotline");
        registry.add("hotline.sms.password", () -> "sms-pass");
        registry.add("hotline.sms.source-address", () -> "20000137");
        // Any hour and day: the test runs when it runs.
        registry.add("hotline.outbound.calling-hours", () -> "00:00-23:59");
        registry.add("hotline.outbound.days-off", () -> "");
        registry.add("hotline.outbound.every", () -> "200ms");
    }

    @AfterAll
    static void stopSmsc() throws IOException {
        smsc.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void theCallerIsSentTheTrackingCodeAndThenTheResult() throws Exception {
        HttpResponse<String> registered = send("POST", "/api/requests", AGENT,
                "{\"callerNumber\":\"09125550101\",\"district\":6,\"description\":\"چاله بزرگ جلوی مدرسه\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String code = TestApi.field(registered.body(), "code");
        FakeSmsc.Message told = smsc.await(m -> m.to().equals("989125550101"), SOON);
        assertThat(told.text()).contains("کد پیگیری", PersianDigits.toPersian(code));
        assertThat(told.from()).isEqualTo("20000137");

        assertThat(send("POST", "/api/requests/" + code + "/referral", AGENT,
                "{\"unit\":\"" + UNIT_SIX + "\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/requests/" + code + "/result", UNIT,
                "{\"result\":\"خرابی برطرف شد.\",\"resolved\":true}").statusCode()).isEqualTo(200);
        FakeSmsc.Message result = smsc.await(m -> m.to().equals("989125550101") && m.text().startsWith("نتیجهٔ رسیدگی"),
                SOON);
        assertThat(result.text()).contains("خرابی برطرف شد.", PersianDigits.toPersian(code));

        String view = eventually(() -> {
            String body = send("GET", "/api/requests/" + code, AGENT, null).body();
            return body.contains("\"kind\":\"RESULT\",\"channel\":\"sms\",\"to\":\"09125550101\",\"status\":\"DONE\"")
                    ? body : null;
        });
        assertThat(view).contains("\"outcome\":\"sent\"", "\"kind\":\"REGISTERED\"");
        assertThat(send("GET", "/api/requests/" + code, UNIT, null).body()).as("a unit sees what was told, not to whom")
                .contains("\"kind\":\"RESULT\",\"channel\":\"sms\",\"to\":null").doesNotContain("09125550101");
        assertThat(smsc.messages()).as("each once").filteredOn(m -> m.to().equals("989125550101")).hasSize(2);
    }

    @Test
    void aMeetingsRegistrantsAreToldWhatTheCommitteeDecided() throws Exception {
        String supervisor = TestApi.basic("boss", "boss-secret");
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tehran")).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime day = now.plusDays(7).withHour(10).withMinute(0);
        HttpResponse<String> created = send("POST", "/api/meetings", supervisor, "{\"kind\":\"PUBLIC_MEETING\","
                + "\"title\":\"دیدار مردمی با شهردار\",\"date\":\"" + day + "\",\"place\":\"تالار شهر\","
                + "\"officials\":[\"معاون شهرسازی\"],\"registrationOpens\":\"" + now.minusDays(1)
                + "\",\"registrationCloses\":\"" + now.plusDays(2) + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String at = "/api/meetings/" + created.body().replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1");
        String invited = registered(send("POST", at + "/registrations", AGENT,
                "{\"callerNumber\":\"09125550404\",\"district\":6,\"matter\":\"پروانهٔ ساخت\"}"));
        String declined = registered(send("POST", at + "/registrations", AGENT,
                "{\"callerNumber\":\"09125550505\",\"district\":6,\"matter\":\"سد معبر\"}"));

        assertThat(send("POST", at + "/registrations/" + invited + "/route", supervisor,
                "{\"official\":\"معاون شهرسازی\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", at + "/registrations/" + declined + "/decline", supervisor,
                "{\"reason\":\"به واحد سد معبر منطقه ارجاع شد\"}").statusCode()).isEqualTo(200);

        FakeSmsc.Message invitation = smsc.await(m -> m.to().equals("989125550404"), SOON);
        assertThat(invitation.text()).contains("«دیدار مردمی با شهردار»", "تالار شهر",
                "ساعت ۱۰:۰۰");
        FakeSmsc.Message no = smsc.await(m -> m.to().equals("989125550505"), SOON);
        assertThat(no.text()).contains("پذیرفته نشد", "به واحد سد معبر منطقه ارجاع شد");
    }

    private static String registered(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body().replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1");
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
