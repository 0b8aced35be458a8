package ir.hotline137.console.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.ConsoleTestApplication;
import ir.hotline137.console.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping the console with screens open: each screen is told "going away" (1001) at once and reconnects to what
 * starts next, instead of the graceful shutdown waiting out its grace period on sockets that never end by
 * themselves and then cutting them off.
 */
class ShutdownWithOpenScreensTest {

    @Test
    void openScreensAreToldGoingAwayWhenTheConsoleStops() throws Exception {
        ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleTestApplication.class)
                .properties("server.port=0", "server.shutdown=graceful").run();
        int port = ((WebServerApplicationContext) console).getWebServer().getPort();
        List<CompletableFuture<Integer>> closes = List.of(new CompletableFuture<>(), new CompletableFuture<>());
        HttpClient http = HttpClient.newHttpClient();
        http.newWebSocketBuilder().header("Authorization", TestApi.basic("maryam", "agent-secret"))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/board"), closedWith(closes.get(0)))
                .get(10, TimeUnit.SECONDS);
        http.newWebSocketBuilder().header("Authorization", TestApi.basic("host", "host-secret"))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/mayor"), closedWith(closes.get(1)))
                .get(10, TimeUnit.SECONDS);

        Thread stopping = Thread.ofPlatform().start(console::close);

        // Cut off after the grace period, a socket ends in an error, not a close frame: only 1001 passes.
        assertThat(closes.get(0).get(25, TimeUnit.SECONDS)).isEqualTo(1001);
        assertThat(closes.get(1).get(25, TimeUnit.SECONDS)).isEqualTo(1001);
        stopping.join();
    }

    private static WebSocket.Listener closedWith(CompletableFuture<Integer> close) {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                close.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                close.completeExceptionally(error);
            }
        };
    }
}
