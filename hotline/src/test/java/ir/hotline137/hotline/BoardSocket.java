package ir.hotline137.hotline;

import ir.hotline137.console.TestApi;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A console's live board as a test sees it: a real WebSocket to {@code /ws/board}, logged in with Basic, and the
 * JSON messages it received, in order.
 */
final class BoardSocket implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private BoardSocket(HttpClient http, int port, String user, String password) throws Exception {
        socket = http.newWebSocketBuilder().header("Authorization", TestApi.basic(user, password))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/board"), new Collector())
                .get(10, TimeUnit.SECONDS);
    }

    static BoardSocket open(HttpClient http, int port, String user, String password) throws Exception {
        return new BoardSocket(http, port, user, password);
    }

    /** The next message, failing the test if none comes in time. */
    JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a board message within %s", timeout).isNotNull();
        return message;
    }

    /** Skips messages until one matches; fails the test if none does in time. */
    JsonNode nextMatching(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode message = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
            assertThat(message).as("a matching board message within %s", timeout).isNotNull();
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    static Predicate<JsonNode> ofType(String type) {
        return message -> type.equals(message.path("type").asString());
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Joins a message's frames (a long one may come in parts) and parses it. */
    private final class Collector implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(JSON.readTree(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }
    }
}
