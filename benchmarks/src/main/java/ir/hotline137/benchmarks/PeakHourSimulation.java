package ir.hotline137.benchmarks;

import ir.hotline137.testsupport.TestPostgres;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A morning peak on a cluster: two nodes of the application, each a JVM of its own started from the built jar, on one
 * PostgreSQL; a fake Asterisk calling both over FastAGI, {@code --at-once} callers on the line at every moment until
 * {@code --calls} have called; {@code --agents} agents, half on each node's console, taking the callers who ask for a
 * person over HTTP as a console does and registering their requests. Every step's p50/p99/max is printed, and every
 * error: a call the IVR failed, an answer of the console other than the expected, a code acknowledged but not in
 * PostgreSQL.
 *
 * <p>The callers, as a 137 line's morning has them (a tenth each, in turn):
 * <ul>
 *   <li>4 in 10 follow up a request by its tracking code (menu 2) and hear its status;</li>
 *   <li>3 in 10 describe a problem (menu 1). The nodes run without a speech model, as a line does before one is
 *       installed, so every description waits for an agent with its recording (a spoken registration's cost is
 *       the recogniser's, measured by {@code ConcurrentStreamsBenchmark});</li>
 *   <li>3 in 10 ask for a person at once (0).</li>
 * </ul>
 * An agent takes one of the first callers on their node's board (agents on both nodes see every caller, wherever
 * held), registers the caller's request from the console, and the caller talks for {@code --talk} seconds. The hour is
 * compressed: prompts play at once and the fake Asterisk's waits are short, so the run shows the hour's load
 * arriving faster than an hour, and how long each step took under it.
 *
 * <pre>
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" ir.hotline137.benchmarks.PeakHourSimulation \
 *      --jar hotline/target/hotline.jar --calls 1000 --at-once 125 --agents 20 --talk 2
 * </pre>
 */
public final class PeakHourSimulation {
    private static final Duration CALL_LIMIT = Duration.ofMinutes(10);
    private static final String PASSWORD = "peak-hour-secret";
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");
    private static final Pattern WAITING = Pattern.compile("\"id\":\"([^\"]+)\"[^}]*?\"callerNumber\":\"(\\d+)\"");
    private static final String[] PROBLEMS = {
            "چراغ‌های کوچه %d از دیشب خاموش است",
            "زباله‌های جلوی پلاک %d دو روز است جمع‌آوری نشده",
            "چاله بزرگ خیابان %d برای موتورسوارها خطرناک است",
            "دستفروش‌ها پیاده‌روی ایستگاه %d را بسته‌اند",
            "آب‌گرفتگی زیرگذر %d بعد از باران راه را بسته",
    };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final Map<String, FakeCall> callsById = new ConcurrentHashMap<>();
    private final Steps steps = new Steps();
    private final AtomicInteger takenByAnother = new AtomicInteger();
    private final AtomicInteger leftMessages = new AtomicInteger();

    private PeakHourSimulation() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("jar", "calls", "at-once", "agents", "talk", "seed", "dir",
                "out"));
        Path jar = arguments.path("jar", Path.of("hotline/target/hotline.jar"));
        int calls = arguments.number("calls", 1_000);
        int atOnce = arguments.number("at-once", 125);
        int agents = arguments.number("agents", 20);
        int talkSeconds = arguments.number("talk", 2);
        int seed = arguments.number("seed", 100);
        Path parent = arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir")));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no application jar at " + jar + ": build first, or give --jar");
        }
        Report report = new Report(arguments.out(), "PeakHourSimulation", String.format(
                "calls=%d at-once=%d agents=%d talk=%ds nodes=2", calls, atOnce, agents, talkSeconds));
        new PeakHourSimulation().run(jar, calls, atOnce, agents, Duration.ofSeconds(talkSeconds), seed, parent,
                report);
        System.out.println("   results appended to " + report.file());
    }

    private void run(Path jar, int calls, int atOnce, int agents, Duration talk, int seed, Path parent, Report report)
            throws Exception {
        try (ScratchFolder scratch = ScratchFolder.create(parent);
             TestPostgres postgres = TestPostgres.freshSchema()) {
            List<Node> nodes = List.of(Node.start("node-a", jar, postgres, agents, scratch.resolve("a")),
                    Node.start("node-b", jar, postgres, agents, scratch.resolve("b")));
            try {
                for (Node node : nodes) {
                    node.awaitUp(http);
                }
                Report.progress("two nodes up");
                List<String> codes = new ArrayList<>();
                for (int i = 0; i < seed; i++) {
                    codes.add(register(nodes.get(i % 2), agentName(0), "0912" + String.format("%07d", i), i));
                }
                Report.progress("%d requests to follow up registered", codes.size());

                AtomicBoolean over = new AtomicBoolean();
                List<Thread> desks = new ArrayList<>();
                for (int a = 0; a < agents; a++) {
                    Node node = nodes.get(a % 2);
                    String agent = agentName(a);
                    int desk = a / 2;
                    desks.add(Thread.ofVirtual().name(agent).start(() -> takeCalls(node, agent, desk, talk, over)));
                }

                List<FakeAsterisk> asterisks = new ArrayList<>();
                for (Node node : nodes) {
                    asterisks.add(new FakeAsterisk("127.0.0.1", node.fastAgiPort).withReadTimeout(CALL_LIMIT));
                }
                Semaphore line = new Semaphore(atOnce);
                List<Thread> callers = new ArrayList<>();
                long started = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    line.acquire();
                    int n = i;
                    FakeAsterisk asterisk = asterisks.get(n % 2);
                    callers.add(Thread.ofVirtual().start(() -> {
                        try {
                            call(asterisk, n, codes.get(n % codes.size()), talk);
                        } catch (RuntimeException | AssertionError failed) {
                            errors.add("call " + n + ": " + failed);
                        } finally {
                            line.release();
                        }
                    }));
                    if ((n + 1) % 100 == 0) {
                        Report.progress("%d calls placed, %d errors so far", n + 1, errors.size());
                    }
                }
                for (Thread caller : callers) {
                    caller.join();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                over.set(true);
                // Every agent's last errors are counted before the report: each is stopped and waited for.
                for (Thread desk : desks) {
                    desk.interrupt();
                    desk.join();
                }
                asterisks.forEach(FakeAsterisk::close);

                long kept = countKept(postgres);
                if (kept != acknowledged.size()) {
                    errors.add(acknowledged.size() + " codes acknowledged, " + kept + " of them in PostgreSQL");
                }
                report.line("   %d calls on 2 nodes, %d at once, %d agents: %.0f s (an hour's %d calls at %.0f× "
                        + "their pace)", calls, atOnce, agents, seconds, calls, 3600 / seconds);
                steps.print(report);
                report.line("   registrations acknowledged %d, all in PostgreSQL: %s; a caller taken by another agent "
                        + "first %d times (409, as two consoles racing); messages left after the answer timeout %d",
                        acknowledged.size(), kept == acknowledged.size(), takenByAnother.get(), leftMessages.get());
                report.line("   errors: %d%s", errors.size(), errors.isEmpty() ? ""
                        : "\n      " + String.join("\n      ", errors.subList(0, Math.min(20, errors.size()))));
            } finally {
                for (Node node : nodes) {
                    node.stop();
                }
            }
        }
    }

    /** One caller, by their turn: following up, describing a problem, or asking for a person. */
    private void call(FakeAsterisk asterisk, int n, String code, Duration talk) {
        String number = "0935" + String.format("%07d", n);
        long dialled = System.nanoTime();
        switch (n % 10) {
            case 0, 1, 2, 3 -> {
                FakeCall call = asterisk.dial(Caller.withNumber(number).presses("2").presses(code + "#"));
                call.awaitCommand(c -> c.contains("status-is"), CALL_LIMIT);
                steps.add("follow-up: dialled -> status spoken", dialled);
                finish(call, n);
            }
            case 4, 5, 6 -> {
                FakeCall call = asterisk.dial(Caller.withNumber(number).presses("1")
                        .presses((1 + n % 22) + "#").says(PROBLEMS[n % PROBLEMS.length].formatted(n)).holds()
                        .talksFor(talk));
                callsById.put(call.uniqueId(), call);
                call.awaitCommand(c -> c.contains("hold-please-wait"), CALL_LIMIT);
                steps.add("description: dialled -> recorded, on the boards", dialled);
                awaitAgent(call, n, System.nanoTime());
            }
            default -> {
                FakeCall call = asterisk.dial(Caller.withNumber(number).presses("0").holds().talksFor(talk));
                callsById.put(call.uniqueId(), call);
                call.awaitCommand(c -> c.contains("hold-please-wait"), CALL_LIMIT);
                steps.add("press 0: dialled -> on the boards", dialled);
                awaitAgent(call, n, System.nanoTime());
            }
        }
    }

    private void awaitAgent(FakeCall call, int n, long held) {
        String dial = call.awaitCommand(c -> isDial(c) || c.contains("callback-offer"), CALL_LIMIT);
        if (isDial(dial)) {
            steps.add("caller on the boards -> an agent's phone rings (queue wait)", held);
        } else {
            leftMessages.incrementAndGet();
            call.hangUp();
        }
        finish(call, n);
    }

    /** {@code EXEC "Dial" "PJSIP/201,30,g"}, as Asterisk-Java sends it. */
    private static boolean isDial(String command) {
        return command.startsWith("EXEC") && command.contains("Dial");
    }

    private void finish(FakeCall call, int n) {
        CallTranscript transcript = call.awaitEnd(CALL_LIMIT);
        callsById.remove(call.uniqueId());
        transcript.error().ifPresent(error -> errors.add("call " + n + " (" + transcript.uniqueId() + "): " + error));
    }

    /** An agent at a console: takes the first caller on the board, registers their request, and talks. */
    private void takeCalls(Node node, String agent, int desk, Duration talk, AtomicBoolean over) {
        int registered = 0;
        while (!over.get()) {
            try {
                long looked = System.nanoTime();
                HttpResponse<String> board = node.send(http, "GET", "/api/calls/waiting", agent, null);
                steps.add("console: the board read (GET /api/calls/waiting)", looked);
                if (board.statusCode() != 200) {
                    errors.add(agent + " reading the board: " + board.statusCode() + " " + board.body());
                    Thread.sleep(500);
                    continue;
                }
                Matcher waiting = WAITING.matcher(board.body());
                List<String[]> callers = new ArrayList<>();
                while (waiting.find()) {
                    callers.add(new String[] {waiting.group(1), waiting.group(2)});
                }
                if (callers.isEmpty()) {
                    Thread.sleep(250);
                    continue;
                }
                // Agents looking at one list do not all reach for its first row.
                String[] chosen = callers.get(desk % Math.min(callers.size(), 4));
                String id = chosen[0];
                String callerNumber = chosen[1];
                long accepting = System.nanoTime();
                HttpResponse<String> accepted = node.send(http, "POST", "/api/calls/" + id + "/accept", agent, null);
                if (accepted.statusCode() == 409) {
                    if (accepted.body().contains("not-available")) {
                        Thread.sleep(100); // still on the last call, as the board would have shown
                    } else {
                        takenByAnother.incrementAndGet();
                    }
                    continue;
                }
                if (accepted.statusCode() != 200) {
                    errors.add(agent + " accepting " + id + ": " + accepted.statusCode() + " " + accepted.body());
                    continue;
                }
                steps.add("console: accept answered (POST /api/calls/{id}/accept)", accepting);
                FakeCall call = callsById.get(id);
                if (call != null) {
                    call.awaitCommand("EXEC Dial", CALL_LIMIT);
                    // Each caller's only Dial is to the agent who took them (every agent answers here).
                    steps.add("accept clicked -> the node holding the caller dials the agent", accepting);
                }
                register(node, agent, callerNumber, registered++);
                Thread.sleep(talk);
            } catch (InterruptedException stopping) {
                return;
            } catch (Exception | AssertionError failed) {
                if (Thread.currentThread().isInterrupted() && over.get()) {
                    return; // stopped mid-request once every caller had ended
                }
                errors.add(agent + ": " + failed);
            }
        }
    }

    private String register(Node node, String agent, String callerNumber, int n) throws Exception {
        String body = "{\"callerNumber\": \"" + callerNumber + "\", \"district\": " + (1 + n % 22)
                + ", \"description\": \"" + PROBLEMS[n % PROBLEMS.length].formatted(n) + "\"}";
        long asked = System.nanoTime();
        HttpResponse<String> registered = node.send(http, "POST", "/api/requests", agent, body);
        if (registered.statusCode() != 201) {
            throw new IllegalStateException("registering: " + registered.statusCode() + " " + registered.body());
        }
        steps.add("console: a request registered (POST /api/requests, durable)", asked);
        Matcher code = CODE.matcher(registered.body());
        if (!code.find()) {
            throw new IllegalStateException("no code in " + registered.body());
        }
        acknowledged.add(code.group(1));
        return code.group(1);
    }

    private long countKept(TestPostgres postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.url(), TestPostgres.USER,
                TestPostgres.PASSWORD);
             PreparedStatement find = connection.prepareStatement(
                     "SELECT count(*) FROM requests WHERE code = ANY (?)")) {
            find.setArray(1, connection.createArrayOf("text", acknowledged.toArray()));
            try (ResultSet count = find.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static String agentName(int n) {
        return String.format("agent%02d", n + 1);
    }

    /** Each step's timings, by name, in the order first seen. */
    private static final class Steps {
        private final Map<String, Latencies> byName = new java.util.LinkedHashMap<>();

        synchronized void add(String step, long since) {
            byName.computeIfAbsent(step, name -> new Latencies(1024)).add(System.nanoTime() - since);
        }

        synchronized void print(Report report) {
            byName.forEach((step, latencies) -> report.line("   %-66s p50 %7.0f ms  p99 %7.0f ms  max %7.0f ms  (n=%d)",
                    step, latencies.percentileMillis(50), latencies.percentileMillis(99),
                    latencies.percentileMillis(100), latencies.count()));
        }
    }

    /** One node: the application's jar in a JVM of its own, on the cluster's PostgreSQL. */
    private record Node(String name, Process process, Path log, int httpPort, int fastAgiPort) {

        static Node start(String name, Path jar, TestPostgres postgres, int agents, Path dir) throws IOException {
            Files.createDirectories(dir);
            int http = freePort();
            int fastAgi = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "--enable-native-access=ALL-UNNAMED",
                    "-Dfile.encoding=UTF-8", "-jar", jar.toAbsolutePath().toString(),
                    "--hotline.data-dir=" + dir.resolve("data"),
                    "--server.port=" + http,
                    "--hotline.fastagi.port=" + fastAgi,
                    "--hotline.audiosocket.port=0",
                    "--hotline.recognizer.model=" + dir.resolve("no-model"),
                    "--hotline.store=postgresql",
                    "--hotline.postgresql.url=" + postgres.url(),
                    "--hotline.postgresql.username=" + TestPostgres.USER,
                    "--hotline.postgresql.password=" + TestPostgres.PASSWORD,
                    "--hotline.node-name=" + name));
            for (int a = 0; a < agents; a++) {
                command.add("--hotline.users[" + a + "].username=" + agentName(a));
                command.add("--hotline.users[" + a + "].password={noop}" + PASSWORD);
                command.add("--hotline.users[" + a + "].roles=AGENT");
                command.add("--hotline.users[" + a + "].dial-string=PJSIP/" + (201 + a));
            }
            Path log = dir.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new Node(name, process, log, http, fastAgi);
        }

        void awaitUp(HttpClient http) throws Exception {
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " stopped at its start; see " + log);
                }
                try {
                    HttpResponse<String> health = send(http, "GET", "/actuator/health/cluster", null, null);
                    if (health.statusCode() == 200 && health.body().contains("\"node\":\"" + name + "\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                if (System.nanoTime() > until) {
                    throw new IllegalStateException(name + " did not come up in 120 s; see " + log);
                }
                Thread.sleep(200);
            }
        }

        HttpResponse<String> send(HttpClient http, String method, String path, String user, String json)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
