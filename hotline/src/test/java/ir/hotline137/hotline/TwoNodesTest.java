package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.TestApi;
import ir.hotline137.testsupport.TestPostgres;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of the application, each a JVM of its own, on one real PostgreSQL, driven only as Asterisk and the
 * agents' browsers drive them: a caller held on node A is taken by an agent on node B's console and node A dials
 * them; a request registered through A is offered as a duplicate through B; a caller for the mayor held on A is
 * screened and taken on B, and A puts them through to the mayor; node A killed with SIGKILL in the middle
 * of registrations loses none it acknowledged, while B goes on taking calls.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {
    private static final Duration SOON = Duration.ofSeconds(15);
    private static final String REZA = TestApi.basic("reza", "reza-secret");
    private static final String SARA = TestApi.basic("sara", "sara-secret");
    private static final String MINA = TestApi.basic("mina", "mina-secret");
    private static final String MAYOR = TestApi.basic("mayor", "mayor-secret");
    private static final Pattern SESSION_ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern CLOSED_AT = Pattern.compile("\"closedAt\":\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    private static TestPostgres postgres;
    private static Node a;
    private static Node b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = TestPostgres.freshSchema();
        a = Node.start("node-a", postgres);
        b = Node.start("node-b", postgres);
        a.awaitUp();
        b.awaitUp();
    }

    @AfterAll
    static void stopThem() throws Exception {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
        postgres.close();
    }

    @Test
    @Order(1)
    void aCallerHeldOnATakenOnBsConsoleIsDialledByAAndARequestFiledThroughAIsADuplicateThroughB() throws Exception {
        try (FakeAsterisk asteriskToA = new FakeAsterisk("127.0.0.1", a.fastAgiPort)) {
            FakeCall call = asteriskToA.dial(Caller.withNumber("09121234567").presses("0").holds());

            eventually(() -> b.get("/api/calls/waiting").body().contains(call.uniqueId()), "the caller on B's list of calls");
            HttpResponse<String> accepted = TestApi.send(b.httpPort, "POST", "/api/calls/" + call.uniqueId()
                    + "/accept", REZA, null);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

            assertThat(call.awaitCommand("EXEC Dial", SOON)).as("node A rings the phone of B's agent")
                    .contains("PJSIP/102");
            call.hangUp();
        }

        String code = register(a, "چراغ برق کوچه شهید رضایی سوخته و شب‌ها کوچه تاریک است");
        eventually(() -> b.get("/api/requests/similar?district=7&text="
                        + URLEncoder.encode("لامپ تیر برق کوچه شهید رضایی سوخته", StandardCharsets.UTF_8)).body()
                .contains(code), "A's request offered as a duplicate on B");
    }

    @Test
    @Order(2)
    void aCallerForTheMayorHeldOnAIsScreenedAndTakenOnBAndPutThroughByAAndMessagesCrossTheNodes() throws Exception {
        HttpResponse<String> opened = TestApi.send(b.httpPort, "POST", "/api/mayor/sessions", SARA,
                "{\"title\": \"شهردار پاسخ می‌دهد\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        Matcher session = SESSION_ID.matcher(opened.body());
        assertThat(session.find()).isTrue();
        // A's menu offers the mayor (4) once A has heard of the programme.
        eventually(() -> a.get("/api/mayor/queue", MINA).body().contains(session.group(1)), "the programme on A");

        try (FakeAsterisk asteriskToA = new FakeAsterisk("127.0.0.1", a.fastAgiPort)) {
            FakeCall call = asteriskToA.dial(Caller.withNumber("09127778899").presses("4").presses("6#")
                    .says("دربارهٔ تأخیر خط ۲ مترو").holds().talksFor(Duration.ofSeconds(1)));
            // No speech model here: the caller's topic is a recording, which the moderator listens to.
            eventually(() -> b.get("/api/mayor/queue", MINA).body().contains(call.uniqueId()),
                    "A's caller on the moderator's screen on B");
            assertThat(TestApi.send(b.httpPort, "POST", "/api/mayor/queue/" + call.uniqueId() + "/approve", MINA,
                    null).statusCode()).isEqualTo(200);
            assertThat(TestApi.send(b.httpPort, "POST", "/api/mayor/messages", MINA,
                    "{\"text\": \"نفر بعدی دربارهٔ مترو می‌پرسد\"}").statusCode()).isEqualTo(201);
            eventually(() -> a.get("/api/mayor/queue", MAYOR).body().contains("نفر بعدی دربارهٔ مترو می‌پرسد"),
                    "the screening room's message on the mayor's screen through A");
            HttpResponse<String> next = TestApi.send(b.httpPort, "POST", "/api/mayor/next", MAYOR, null);
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);

            assertThat(call.awaitCommand("EXEC Dial", SOON)).as("node A puts its caller through to the mayor")
                    .contains("PJSIP/mayor-office");
            call.awaitEnd(SOON);
            eventually(() -> b.get("/api/mayor/queue", MINA).body().contains("\"TALKED\""),
                    "the conversation over on B's screens");
            HttpResponse<String> again = TestApi.send(b.httpPort, "POST", "/api/mayor/next", MAYOR, null);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).as("nobody else approved, and the mayor is free: none-approved, not still-on-air")
                    .contains("none-approved");
        }
        HttpResponse<String> closed = TestApi.send(a.httpPort, "POST", "/api/mayor/sessions/" + session.group(1)
                + "/close", SARA, null);
        assertThat(closed.statusCode()).as("closed through the other node").isEqualTo(200);
        eventually(() -> b.get("/api/mayor/queue", MINA).body().contains("\"session\":null"),
                "no programme open on B");
        Matcher closedAt = CLOSED_AT.matcher(closed.body());
        assertThat(closedAt.find()).as(closed.body()).isTrue();
        assertThat(b.get("/api/mayor/sessions", SARA).body()).as("the time the close answered is the one kept")
                .contains("\"closedAt\":\"" + closedAt.group(1) + "\"");
    }

    @Test
    @Order(3)
    void aKilledInTheMiddleOfRegistrationsLosesNoAcknowledgedCodeAndBGoesOnTakingCalls() throws Exception {
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clerks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int clerk = t;
            clerks.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        acknowledged.add(register(a, "گودال خیابان " + clerk + " پلاک " + i + " خطرناک است"));
                    } catch (Exception | AssertionError refusedOrCut) {
                        return; // node A is gone: what it did not acknowledge it did not promise
                    }
                }
            }));
        }
        eventually(() -> acknowledged.size() >= 20, "registrations acknowledged by A");

        a.kill();
        stop.set(true);
        for (Thread clerk : clerks) {
            clerk.join(Duration.ofSeconds(30));
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20);
        try (Connection connection = DriverManager.getConnection(postgres.url(), TestPostgres.USER,
                TestPostgres.PASSWORD);
             PreparedStatement find = connection.prepareStatement("SELECT count(*) FROM requests WHERE code = ANY (?)")) {
            find.setArray(1, connection.createArrayOf("text", acknowledged.toArray()));
            try (ResultSet count = find.executeQuery()) {
                count.next();
                assertThat(count.getInt(1)).as("every code A acknowledged is in PostgreSQL")
                        .isEqualTo(acknowledged.size());
            }
        }
        assertThat(b.get("/api/requests/" + acknowledged.getLast()).statusCode()).isEqualTo(200);

        try (FakeAsterisk asteriskToB = new FakeAsterisk("127.0.0.1", b.fastAgiPort)) {
            FakeCall call = asteriskToB.dial(Caller.withNumber("09351112233").presses("0").holds());
            eventually(() -> b.get("/api/calls/waiting").body().contains(call.uniqueId()), "B's own caller waiting");
            assertThat(TestApi.send(b.httpPort, "POST", "/api/calls/" + call.uniqueId() + "/accept", REZA, null)
                    .statusCode()).isEqualTo(200);
            assertThat(call.awaitCommand("EXEC Dial", SOON)).contains("PJSIP/102");
            call.hangUp();
        }
    }

    private static String register(Node node, String description) throws Exception {
        HttpResponse<String> registered = TestApi.send(node.httpPort, "POST", "/api/requests", REZA,
                "{\"callerNumber\": \"09121112222\", \"district\": 7, \"description\": \"" + description + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        Matcher code = CODE.matcher(registered.body());
        assertThat(code.find()).as(registered.body()).isTrue();
        return code.group(1);
    }

    private static void eventually(Check check, String what) throws Exception {
        long until = System.nanoTime() + SOON.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + SOON.toSeconds() + " s: " + what + "\nA's last answer: "
                        + a.lastAnswer + "\nB's last answer: " + b.lastAnswer + "\n" + a.tail() + b.tail());
            }
            Thread.sleep(50);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** One node: the application's main class in a JVM of its own, on the tests' class path. */
    private static final class Node {
        final String name;
        final Process process;
        final Path log;
        final int httpPort;
        final int fastAgiPort;
        /** The last answer of {@link #get}, for a failure's message. */
        volatile String lastAnswer = "";

        private Node(String name, Process process, Path log, int httpPort, int fastAgiPort) {
            this.name = name;
            this.process = process;
            this.log = log;
            this.httpPort = httpPort;
            this.fastAgiPort = fastAgiPort;
        }

        static Node start(String name, TestPostgres postgres) throws IOException {
            Path dir = Files.createTempDirectory("hotline-" + name);
            int http = freePort();
            int fastAgi = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "--enable-native-access=ALL-UNNAMED",
                    "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                    HotlineMain.class.getName(),
                    "--hotline.data-dir=" + dir.resolve("data"),
                    "--server.port=" + http,
                    "--hotline.fastagi.port=" + fastAgi,
                    "--hotline.audiosocket.port=0",
                    "--hotline.store=postgresql",
                    "--hotline.postgresql.url=" + postgres.url(),
                    "--hotline.postgresql.username=" + TestPostgres.USER,
                    "--hotline.postgresql.password=" + TestPostgres.PASSWORD,
                    "--hotline.node-name=" + name,
                    "--hotline.users[0].username=reza",
                    "--hotline.users[0].password={noop}reza-secret",
                    "--hotline.users[0].roles=AGENT",
                    "--hotline.users[0].dial-string=PJSIP/102",
                    "--hotline.users[1].username=sara",
                    "--hotline.users[1].password={noop}sara-secret",
                    "--hotline.users[1].roles=SUPERVISOR",
                    "--hotline.users[2].username=mina",
                    "--hotline.users[2].password={noop}mina-secret",
                    "--hotline.users[2].roles=MODERATOR",
                    "--hotline.users[3].username=mayor",
                    "--hotline.users[3].password={noop}mayor-secret",
                    "--hotline.users[3].roles=MAYOR",
                    "--hotline.users[3].dial-string=PJSIP/mayor-office"));
            Path log = dir.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new Node(name, process, log, http, fastAgi);
        }

        void awaitUp() throws Exception {
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " stopped at its start\n" + tail());
                }
                try {
                    HttpResponse<String> health = TestApi.send(httpPort, "GET", "/actuator/health/cluster", null, null);
                    if (health.statusCode() == 200 && health.body().contains("\"node\":\"" + name + "\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                if (System.nanoTime() > until) {
                    throw new AssertionError(name + " did not come up in 120 s\n" + tail());
                }
                Thread.sleep(200);
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            return get(path, REZA);
        }

        HttpResponse<String> get(String path, String as) throws Exception {
            HttpResponse<String> answer = TestApi.send(httpPort, "GET", path, as, null);
            lastAnswer = path + " → " + answer.statusCode() + " " + answer.body();
            return answer;
        }

        /** SIGKILL: no shutdown hook, no last write; what it acknowledged must already be in PostgreSQL. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return "--- " + name + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                        lines.size())) + "\n";
            } catch (IOException unreadable) {
                return "--- " + name + ": no log (" + unreadable + ") ---\n";
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
