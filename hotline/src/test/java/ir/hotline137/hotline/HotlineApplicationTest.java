package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application starts on its embedded defaults, in its own data folder, and reports its health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HotlineApplicationTest {
    static Path dataDir;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory("hotline-app");
        registry.add("hotline.data-dir", () -> dataDir.resolve("data").toString());
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void healthIncludesTheStoreAndTheIndex() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"requestStore\":{\"status\":\"UP\"}")
                .contains("\"duplicateIndex\":{\"status\":\"UP\"}");
        assertThat(dataDir.resolve("data/FORMAT")).exists();
        assertThat(dataDir.resolve("data/requests.mapdb")).exists();
    }
}
