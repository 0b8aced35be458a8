package ir.hotline137.benchmarks;

import ir.hotline137.testsupport.Eventually;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One switchboard change reaching many open consoles: the application runs as it does in production (its jar,
 * in its own JVM, with security and Reactor Netty), N consoles hold the live board open over WebSocket, and
 * callers on the fake Asterisk ask for an agent one after another. Each console notes when each
 * {@code CallWaiting} arrives; the latency is that moment minus the change's own time stamp ({@code at}, taken
 * by the switchboard when the caller joined the queue), so it covers encoding, the fan-out, the network stack
 * and the client. Both processes share this machine's two cores and its one wall clock.
 *
 * <pre>--consoles N (200) --events N (100) --interval MS (100) --jar hotline/target/hotline.jar --dir TEMP --out FILE</pre>
 */
public final class BoardFanOutBenchmark {
    /** The change's own time; {@code "at"} with its quote cannot be the tail of {@code "enqueuedAt"}. */
    private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");

    private BoardFanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("consoles", "events", "interval", "jar", "dir", "out"));
        int consoles = arguments.number("consoles", 200);
        int events = arguments.number("events", 100);
        int interval = arguments.number("interval", 100);
        Path jar = arguments.path("jar", Path.of("hotline", "target", "hotline.jar"));
        Path parent = arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir")));
        Report report = new Report(arguments.out(), "BoardFanOutBenchmark",
                String.format("consoles=%d events=%d interval=%dms", consoles, events, interval));

        int httpPort = freePort();
        int fastAgiPort = freePort();
        try (ScratchFolder scratch = ScratchFolder.create(parent)) {
            Process application = new ProcessBuilder(javaCommand(), "-jar", jar.toString(),
                    "--server.port=" + httpPort, "--hotline.data-dir=" + scratch.resolve("data"),
                    "--hotline.fastagi.port=" + fastAgiPort, "--hotline.audiosocket.port=0",
                    "--hotline.users[0].username=watcher", "--hotline.users[0].password={noop}watcher-secret",
                    "--hotline.users[0].roles=SUPERVISOR", "--logging.level.root=WARN")
                    .redirectErrorStream(true).redirectOutput(scratch.resolve("application.log").toFile()).start();
            HttpClient http = HttpClient.newHttpClient();
            List<WebSocket> sockets = new ArrayList<>();
            try {
                awaitHealthy(http, httpPort, application);
                Latencies latencies = new Latencies(consoles * events);
                AtomicInteger snapshots = new AtomicInteger();
                AtomicInteger received = new AtomicInteger();
                long connecting = System.nanoTime();
                for (int i = 0; i < consoles; i++) {
                    sockets.add(http.newWebSocketBuilder().header("Authorization", basic("watcher", "watcher-secret"))
                            .buildAsync(URI.create("ws://127.0.0.1:" + httpPort + "/ws/board"),
                                    new Console(latencies, snapshots, received))
                            .get(30, TimeUnit.SECONDS));
                }
                Eventually.await(() -> snapshots.get() == consoles, Duration.ofSeconds(60),
                        () -> snapshots.get() + " of " + consoles + " snapshots");
                Report.progress("%d consoles connected in %.1f s", consoles, (System.nanoTime() - connecting) / 1e9);

                List<FakeCall> calls = new ArrayList<>();
                try (FakeAsterisk asterisk = new FakeAsterisk("127.0.0.1", fastAgiPort)) {
                    for (int i = 0; i < events; i++) {
                        calls.add(asterisk.dial(Caller.withNumber(String.format("0912%07d", i)).presses("0").holds()));
                        Thread.sleep(interval);
                    }
                    Eventually.await(() -> received.get() == consoles * events, Duration.ofSeconds(60),
                            () -> received.get() + " of " + consoles * events + " deliveries");
                    report.line("   %d consoles x %d callers joining the queue (one every %d ms), CallWaiting "
                            + "from the switchboard's time stamp to each console:", consoles, events, interval);
                    report.line("   %s  max %.3f ms", latencies.summary(), latencies.percentileMillis(100));
                    calls.forEach(FakeCall::hangUp);
                }
            } finally {
                sockets.forEach(WebSocket::abort);
                application.destroy();
                application.waitFor(20, TimeUnit.SECONDS);
            }
        }
        System.out.println("   results appended to " + report.file());
    }

    /** One open board: counts its snapshot and times every CallWaiting, before parsing anything else. */
    private static final class Console implements WebSocket.Listener {
        private final Latencies latencies;
        private final AtomicInteger snapshots;
        private final AtomicInteger received;
        private final StringBuilder text = new StringBuilder();

        Console(Latencies latencies, AtomicInteger snapshots, AtomicInteger received) {
            this.latencies = latencies;
            this.snapshots = snapshots;
            this.received = received;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            Instant now = Instant.now();
            text.append(data);
            if (last) {
                Matcher waiting = AT.matcher(text);
                if (text.indexOf("\"type\":\"CallWaiting\"") >= 0 && waiting.find()) {
                    long nanos = Duration.between(Instant.parse(waiting.group(1)), now).toNanos();
                    synchronized (latencies) {
                        latencies.add(nanos);
                    }
                    received.incrementAndGet();
                } else if (text.indexOf("\"type\":\"snapshot\"") >= 0) {
                    snapshots.incrementAndGet();
                }
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    private static void awaitHealthy(HttpClient http, int port, Process application) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!application.isAlive()) {
                throw new IllegalStateException("the application stopped with exit code " + application.exitValue()
                        + "; see application.log in the scratch folder");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application did not become healthy in 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
