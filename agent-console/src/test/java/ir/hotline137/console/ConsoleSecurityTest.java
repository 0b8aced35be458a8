package ir.hotline137.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The console's doors, tried over real HTTP against the console on its own ({@link ConsoleTestApplication}): nothing without a login, roles
 * checked on the server, CSRF on form posts, refusals as JSON that name the field.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSecurityTest {
    @Value("${local.server.port}")
    int port;

    @Autowired
    RequestDesk desk;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @ParameterizedTest
    @ValueSource(strings = {"/api/requests/12345674", "/api/requests?q=x", "/api/calls/waiting", "/api/agents",
            "/api/me", "/api/directory", "/api/figures?days=7", "/api/users", "/api/anything"})
    void everyApiRouteWithoutCredentialsIs401(String path) throws Exception {
        assertThat(get(path, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theLiveBoardSocketWithoutCredentialsIs401() {
        assertThat(handshakeRefusal(http.newWebSocketBuilder())).isEqualTo(401);
    }

    @Test
    void theLiveBoardSocketOpenedByAnotherSitesPageIsRefusedEvenWithAValidLogin() throws Exception {
        // What a page on another site could do with the agent's cookie: open our socket from its own origin.
        assertThat(handshakeRefusal(http.newWebSocketBuilder().header("Authorization", TestApi.basic("maryam", "agent-secret"))
                .header("Origin", "https://evil.example"))).isEqualTo(403);

        WebSocket sameSite = http.newWebSocketBuilder().header("Authorization", TestApi.basic("maryam", "agent-secret"))
                .header("Origin", "http://127.0.0.1:" + port)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/board"), new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS);
        sameSite.abort();
    }

    @Test
    void pagesForbidScriptsFromAnywhereButOurselves() throws Exception {
        HttpResponse<String> login = get("/login", null);
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
    }

    @Test
    void aPageWithoutALoginLeadsToTheLoginPage() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aWrongPasswordIs401() throws Exception {
        assertThat(get("/api/calls/waiting", TestApi.basic("maryam", "guess")).statusCode()).isEqualTo(401);
    }

    @Test
    void anAgentIsRefusedTheSupervisorsListOfPeople() throws Exception {
        assertThat(get("/api/users", TestApi.basic("maryam", "agent-secret")).statusCode()).isEqualTo(403);

        HttpResponse<String> people = get("/api/users", TestApi.basic("boss", "boss-secret"));
        assertThat(people.statusCode()).isEqualTo(200);
        assertThat(people.body()).contains("\"maryam\"").contains("PJSIP/101").contains("AGENT")
                .doesNotContain("secret").doesNotContain("password");
    }

    @Test
    void aModeratorMayNotTakeCallsFromThePublicLine() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/api/calls/1718000000.1/accept"))
                .header("Authorization", TestApi.basic("host", "host-secret")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void anAgentIsRefusedTheSupervisorsFigures() throws Exception {
        assertThat(get("/api/figures?days=7", TestApi.basic("maryam", "agent-secret")).statusCode()).isEqualTo(403);
        HttpResponse<String> figures = get("/api/figures?days=7", TestApi.basic("boss", "boss-secret"));
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.body()).contains("\"callsPerDay\"");
    }

    @Test
    void aRequestIsReadByItsCodeAndAnUnknownOrMalformedCodeIsRefusedNamingTheField() throws Exception {
        CitizenRequest stored = desk.register(NewRequest.fromCaller("09121234567", 3,
                "چراغ کوچه خاموش است", RequestSource.IVR_SPEECH));
        String agent = TestApi.basic("maryam", "agent-secret");

        HttpResponse<String> found = get("/api/requests/" + stored.code().value(), agent);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(stored.code().value()).contains("چراغ کوچه خاموش است");

        // Not the desk's own draw (Desks draws its codes from seed 7): a valid code nobody was given.
        String unknown = ir.hotline137.requests.TrackingCode.random(new java.util.Random(20_261_205)).value();
        HttpResponse<String> missing = get("/api/requests/" + unknown, agent);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"field\":\"code\"");

        HttpResponse<String> malformed = get("/api/requests/1234", agent);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"field\":\"code\"").contains("check digit");
    }

    @Test
    void formPostsNeedTheCsrfTokenOfTheSession() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = csrfToken(loginPage);

        HttpResponse<String> forged = browser.send(form("/login", "username=maryam&password=agent-secret"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("login without the token").isEqualTo(403);

        HttpResponse<String> login = browser.send(form("/login", "username=maryam&password=agent-secret&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        HttpResponse<String> withSession = browser.send(HttpRequest.newBuilder(uri("/api/calls/waiting")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withSession.statusCode()).isEqualTo(200);
        HttpResponse<String> logoutWithoutToken = browser.send(form("/logout", ""), HttpResponse.BodyHandlers.ofString());
        assertThat(logoutWithoutToken.statusCode()).isEqualTo(403);
    }

    /** The HTTP status that refused a WebSocket handshake; fails if the socket opened. */
    private int handshakeRefusal(WebSocket.Builder builder) {
        Throwable failure = catchThrowable(() -> builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/board"),
                new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS).abort());
        assertThat(failure).as("the handshake was refused").isNotNull();
        assertThat(failure.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }


    private static String csrfToken(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token in the login page: %s", page).isTrue();
        return m.group(1);
    }
}
