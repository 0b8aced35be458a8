package ir.hotline137.console.login;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ir.hotline137.console.ConsoleTestApplication;
import ir.hotline137.console.TestApi;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Logging in over real HTTP, as a browser and as a script: the form says why a login was refused and keeps the
 * name typed, says so after logging out, locks a name after repeated wrong passwords (and the log says so where
 * an operator can act on it), and the session cookie and the CSRF rule hold against another site.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginTest {
    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ListAppender<ILoggingEvent> refusals = new ListAppender<>();
    private final Logger refusalLog = (Logger) LoggerFactory.getLogger("ir.hotline137.console.login");

    @BeforeEach
    void listen() {
        refusals.start();
        refusalLog.addAppender(refusals);
    }

    @AfterEach
    void stopListening() {
        refusalLog.detachAppender(refusals);
    }

    @Test
    void aWrongPasswordBringsTheFormBackSayingSoWithTheNameKept() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> refused = browser.logIn("maryam", "not-her-password");

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).contains("/login?error");
        String page = browser.get("/login?error").body();
        assertThat(page).contains("id=\"login-error\"").contains("نام کاربری یا گذرواژه درست نیست");
        assertThat(page).contains("value=\"maryam\"");
        assertThat(page).containsPattern("id=\"password\"[^>]*autofocus");

        assertThat(new Browser().get("/login").body()).as("a fresh form has no message and no name")
                .doesNotContain("role=\"alert\"").doesNotContain("value=\"maryam\"");
    }

    @Test
    void loggingOutLeadsToTheFormSayingSo() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.logIn("maryam", "agent-secret").headers().firstValue("Location")).hasValue("/");

        // The page takes the session's token from /api/me, as main.js does for its logout form.
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(browser.get("/api/me").body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> out = browser.post("/logout", "_csrf=" + URLEncoder.encode(token.group(1),
                StandardCharsets.UTF_8));

        assertThat(out.headers().firstValue("Location")).hasValue("/login?logout");
        assertThat(browser.get("/login?logout").body()).contains("id=\"login-logout\"").contains("از سامانه خارج شدید");
    }

    @Test
    void aNameIsLockedAfterFiveWrongPasswordsEvenForTheRightOneAndTheLogSaysSo() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(apiAs("ali", "guess-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(apiAs("ali", "ali-secret").statusCode()).as("locked, right password or not").isEqualTo(401);
        assertThat(apiAs("maryam", "agent-secret").statusCode()).as("others are not").isEqualTo(200);

        assertThat(refusals.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("login refused: reason=wrong-password user=\"ali\" address=127.0.0.1",
                        "login refused: reason=locked user=\"ali\" address=127.0.0.1");
    }

    @Test
    void theFormSaysForHowLongANameIsLocked() throws Exception {
        Browser browser = new Browser();
        for (int i = 0; i < 5; i++) {
            browser.logIn("sara", "guess-" + i);
        }
        HttpResponse<String> locked = browser.logIn("sara", "sara-secret");

        assertThat(locked.headers().firstValue("Location")).hasValue("/login?locked=1");
        String page = browser.get("/login?locked=1").body();
        assertThat(page).contains("id=\"login-locked\"").contains("۱ دقیقهٔ دیگر").contains("value=\"sara\"");
    }

    @Test
    void anUnknownNameIsRefusedLikeAWrongPasswordAndLoggedSafely() throws Exception {
        assertThat(apiAs("nobody\u001b[2J\"x", "guess").statusCode()).isEqualTo(401);

        assertThat(refusals.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("login refused: reason=unknown-user user=\"nobody?[2J?x\" address=127.0.0.1");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndNeverSentByAnotherSite() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(form.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void aSessionCookieNeedsTheCsrfTokenEvenBesideAnAuthorizationHeader() throws Exception {
        Browser browser = new Browser();
        browser.logIn("maryam", "agent-secret");

        HttpResponse<String> forged = browser.http.send(HttpRequest.newBuilder(uri("/api/requests"))
                .header("Authorization", TestApi.basic("maryam", "agent-secret"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void anAnonymousChangeIs401NotAForbiddenCsrfRefusal() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> apiAs(String name, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/calls/waiting"))
                .header("Authorization", TestApi.basic(name, password)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A browser's cookie jar, and the CSRF token its login form carried. */
    private final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String token;

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> logIn(String name, String password) throws Exception {
            Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get("/login").body());
            assertThat(m.find()).isTrue();
            token = URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
            return post("/login", "username=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token);
        }
    }
}
