package ir.hotline137.console.people;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.ConsoleTestApplication;
import ir.hotline137.console.TestApi;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A supervisor manages people over the API, as the People screen does: a person added can log in at once, a
 * changed password or role ends their open sessions, a removed person can no longer log in, and every change is
 * listed in Persian with who made it. People in configuration are shown but changed there.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeopleApiTest {
    private static final String BOSS = TestApi.basic("boss", "boss-secret");

    @Value("${local.server.port}")
    int port;

    @Test
    void aPersonAddedCanLogInAtOnceAndIsListedWithoutTheirPassword() throws Exception {
        HttpResponse<String> added = send("POST", "/api/users", BOSS, """
                {"username": "nima", "password": "a long enough one", "roles": ["AGENT"], "dialString": "PJSIP/۱۰۵"}""");

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.body()).contains("\"dialString\":\"PJSIP/105\"").contains("\"configured\":false");
        assertThat(send("GET", "/api/me", TestApi.basic("nima", "a long enough one"), null).statusCode()).isEqualTo(200);

        HttpResponse<String> people = send("GET", "/api/users", BOSS, null);
        assertThat(people.body()).contains("\"username\":\"nima\"").contains("\"username\":\"maryam\"")
                .doesNotContain("a long enough one").doesNotContain("$2a$").doesNotContain("password");
        assertThat(people.body()).containsPattern("\"username\":\"maryam\"[^}]*\"configured\":true");
    }

    @Test
    void wrongFieldsAreRefusedNamingTheFieldAndATakenNameIsAConflict() throws Exception {
        assertRefused("{\"username\": \"Nima Two\", \"password\": \"a long enough one\", \"roles\": [\"AGENT\"]}", "username");
        assertRefused("{\"username\": \"nima2\", \"password\": \"short\", \"roles\": [\"AGENT\"]}", "password");
        assertRefused("{\"username\": \"nima2\", \"password\": \"" + "x".repeat(73) + "\", \"roles\": [\"AGENT\"]}", "password");
        assertRefused("{\"username\": \"nima2\", \"password\": \"a long enough one\", \"roles\": []}", "roles");
        assertRefused("{\"username\": \"nima2\", \"password\": \"a long enough one\", \"roles\": [\"AGENT\"],"
                + " \"dialString\": \"PJSIP/101,tT\"}", "dialString");

        HttpResponse<String> taken = send("POST", "/api/users", BOSS,
                "{\"username\": \"maryam\", \"password\": \"a long enough one\", \"roles\": [\"AGENT\"]}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("\"code\":\"taken\"");
    }

    @Test
    void aNewPasswordOrRoleEndsTheOpenSessionsAndARemovedPersonCannotLogIn() throws Exception {
        send("POST", "/api/users", BOSS,
                "{\"username\": \"leila\", \"password\": \"first password\", \"roles\": [\"AGENT\"]}");
        Browser leila = new Browser();
        leila.logIn("leila", "first password");
        assertThat(leila.get("/api/me").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = send("PUT", "/api/users/leila", BOSS, "{\"roles\": [\"AGENT\", \"MODERATOR\"]}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("MODERATOR");
        assertThat(leila.get("/api/me").statusCode()).as("the session made with the old roles ended").isEqualTo(401);

        send("PUT", "/api/users/leila", BOSS, "{\"password\": \"second password\"}");
        assertThat(send("GET", "/api/me", TestApi.basic("leila", "first password"), null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/me", TestApi.basic("leila", "second password"), null).statusCode()).isEqualTo(200);

        CompletableFuture<Integer> boardClosed = new CompletableFuture<>();
        HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", TestApi.basic("leila", "second password"))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/board"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                        boardClosed.complete(statusCode);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);

        assertThat(send("DELETE", "/api/users/leila", BOSS, null).statusCode()).isEqualTo(204);
        assertThat(boardClosed.get(10, TimeUnit.SECONDS)).as("her open board is closed at once, not at her next request")
                .isEqualTo(1008);
        assertThat(send("GET", "/api/me", TestApi.basic("leila", "second password"), null).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/api/users/leila", BOSS, null).statusCode()).isEqualTo(404);

        HttpResponse<String> changes = send("GET", "/api/users/changes", BOSS, null);
        assertThat(changes.body()).contains("\"by\":\"boss\"").contains("\"username\":\"leila\"")
                .contains("افزوده شد با نقش اپراتور").contains("نقش: اپراتور، گرداننده").contains("گذرواژه عوض شد")
                .contains("برداشته شد").doesNotContain("password");
    }

    @Test
    void peopleInConfigurationAreChangedThereAndOnlySupervisorsManagePeople() throws Exception {
        HttpResponse<String> configured = send("DELETE", "/api/users/maryam", BOSS, null);
        assertThat(configured.statusCode()).isEqualTo(409);
        assertThat(configured.body()).contains("\"code\":\"configured\"");

        String agent = TestApi.basic("maryam", "agent-secret");
        assertThat(send("POST", "/api/users", agent,
                "{\"username\": \"sneaky\", \"password\": \"a long enough one\", \"roles\": [\"SUPERVISOR\"]}")
                .statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/users/changes", agent, null).statusCode()).isEqualTo(403);
    }

    private void assertRefused(String body, String field) throws Exception {
        HttpResponse<String> refused = send("POST", "/api/users", BOSS, body);
        assertThat(refused.statusCode()).as(body).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"" + field + "\"");
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        return TestApi.send(port, method, path, authorization, json);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A browser's cookie jar, logged in through the form. */
    private final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        void logIn(String name, String password) throws Exception {
            Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get("/login").body());
            assertThat(m.find()).isTrue();
            HttpResponse<String> in = http.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                            + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(in.headers().firstValue("Location")).hasValue("/");
        }
    }
}
