package ir.hotline137.console.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.ConsoleTestApplication;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart logs nobody out: the session and its CSRF token come back from the data folder on the first request,
 * and the journal holds no session id, only its hash.
 */
class SessionsSurviveARestartTest {
    @TempDir
    Path dir;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aLoggedInPageGoesOnAfterTheServerRestartsWithItsTokenStillGood() throws Exception {
        Path data = dir.resolve("data");
        String token;
        String sessionId;
        try (ConfigurableApplicationContext first = start(data)) {
            int port = port(first);
            Matcher form = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get(port, "/login").body());
            assertThat(form.find()).isTrue();
            HttpResponse<String> login = post(port, "/login", "username=maryam&password=agent-secret&_csrf="
                    + URLEncoder.encode(form.group(1), StandardCharsets.UTF_8));
            assertThat(login.headers().firstValue("Location")).hasValue("/");
            sessionId = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                    .map(c -> c.substring("SESSION=".length(), c.indexOf(';'))).findFirst().orElseThrow();
            token = tokenOf(get(port, "/api/me").body());
        }

        try (ConfigurableApplicationContext second = start(data)) {
            int port = port(second);
            HttpResponse<String> me = get(port, "/api/me");
            assertThat(me.statusCode()).as("still logged in").isEqualTo(200);
            assertThat(me.body()).contains("\"username\":\"maryam\"");
            // The page's token from before the restart is still good (the value itself is masked anew each time).
            HttpResponse<String> out = post(port, "/logout", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            assertThat(out.headers().firstValue("Location")).hasValue("/login?logout");
            assertThat(get(port, "/api/me").statusCode()).as("logged out for good").isEqualTo(401);
        }
        try (var files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(sessionId);
            }
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(ConsoleTestApplication.class)
                .properties("server.port=0", "console-test.data-dir=" + data).run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tokenOf(String me) {
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(me);
        assertThat(m.find()).as(me).isTrue();
        return m.group(1);
    }
}
