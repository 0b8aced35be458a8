package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.TestApi;
import ir.hotline137.requests.PersianDigits;
import ir.hotline137.testsupport.smpp.FakeSmsc;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
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
        assertThat(smsc.messages()).as("each once").hasSize(2);
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
