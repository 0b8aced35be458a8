package ir.hotline137.testsupport.ami;

import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asterisk 22's manager interface at the protocol level: lines of {@code Key: Value} ended by an empty line, over TCP.
 * It speaks what a notice call needs, the way {@code main/manager.c} answers it:
 * <ul>
 *   <li>on connect, the banner {@code Asterisk Call Manager/11.0.0} alone on its line (AMI_VERSION: each major
 *       release raises it by one, 20 had 9.0.0; {@code session_do});</li>
 *   <li>{@code Challenge} (AuthType MD5): {@code Response: Success} and {@code Challenge: <number>}
 *       ({@code action_challenge}); {@code Login} with {@code Key} = md5(challenge + secret) or {@code Secret}:
 *       {@code Message: Authentication accepted} then a {@code FullyBooted} event, or, after a second's sleep,
 *       {@code Response: Error}, {@code Message: Authentication failed} and the connection closed ({@code
 *       action_login} returns -1); any other action before that: {@code Message: Permission denied};</li>
 *   <li>{@code CoreSettings}: the version fields ({@code action_coresettings}); {@code Ping}: {@code Ping: Pong}
 *       ({@code action_ping}); {@code Logoff}: {@code Response: Goodbye}, {@code Message: Thanks for all the fish.};
 *       any other action: {@code Message: Invalid/unknown command: <Action>. Use Action: ListCommands to show
 *       available commands.} ({@code process_message});</li>
 *   <li>{@code Originate} with {@code Async: true}: {@code Message: Originate successfully queued}, then, when the
 *       call is answered or fails, an {@code OriginateResponse} event with the action's ActionID, {@code Response:
 *       Success} or {@code Failure} and {@code Reason}: the last control frame the outgoing channel saw
 *       ({@code frame.h}: 4 answer, 5 busy, 3 when the ring time ran out, 8 congestion, 0 no channel at all;
 *       {@code pbx_dial_reason} in {@code pbx_outgoing.c}), sent at answer time while the dialplan starts. Its fields
 *       are {@code fast_originate}'s for an Exten: Response, Channel, Context, Exten, Reason, Uniqueid ({@code
 *       <unknown>} for a channel never made), CallerIDNum, CallerIDName. The Response always comes before the
 *       event on the same connection. Without a Channel: {@code Message: Channel not specified}.</li>
 *   <li>An answered call's {@code Hangup} event when its FastAGI side ends.</li>
 *   <li>A dropped connection is just closed: no Goodbye ({@code manager_shutdown}).</li>
 * </ul>
 * What each called number does is scripted with {@link #whenCalled}; an answered call then runs on the {@link
 * FakeAsterisk} given to {@link #answeringOn}, as the dialplan's {@code AGI(agi://HOST:PORT/notify)} would, with the
 * Originate's variables.
 */
public final class FakeAmi implements AutoCloseable {
    /** What one originated call does. */
    public sealed interface Pickup {
    }

    /** Picks up, then the person on the phone does what {@code citizen} says. */
    public record Answers(Caller citizen) implements Pickup {
    }

    /** Reason 5. */
    public record Busy() implements Pickup {
    }

    /** Rings out: reason 3. */
    public record RingsOut() implements Pickup {
    }

    /** Congestion on the trunk: reason 8. */
    public record Congested() implements Pickup {
    }

    /** The manager connection drops after the Originate is queued, before any event: the call's fate goes unsaid. */
    public record LinkDrops() implements Pickup {
    }

    /** One Originate as it was received. */
    public record Originate(String actionId, String channel, String context, String exten, String callerId,
                            String timeout, Map<String, String> variables) {
    }

    private static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";

    private final String username;
    private final String secret;
    private final String script;
    private volatile FakeAsterisk pbx;
    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, Deque<Pickup>> scripts = new ConcurrentHashMap<>();
    private final List<Originate> originates = new CopyOnWriteArrayList<>();
    private final List<FakeCall> answered = new CopyOnWriteArrayList<>();
    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong channels = new AtomicLong();
    private volatile boolean refusing;

    private FakeAmi(String username, String secret, String script) throws IOException {
        this.username = username;
        this.secret = secret;
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fake-ami-accept").start(this::accept);
    }

    /**
     * Listens on a free loopback port; answered calls run the FastAGI script {@code script} on the PBX given to
     * {@link #answeringOn} (until then, an answered call is only an event).
     */
    public static FakeAmi start(String username, String secret, String script) {
        try {
            return new FakeAmi(username, secret, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where answered calls run their script: the FastAGI server under test, once its port is known. */
    public FakeAmi answeringOn(FakeAsterisk pbx) {
        this.pbx = pbx;
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * What the next calls to {@code channel} (as originated, e.g. {@code PJSIP/09121111111@trunk}) do, one each;
     * past the last, the last again. A channel never scripted rings out.
     */
    public FakeAmi whenCalled(String channel, Pickup first, Pickup... then) {
        Deque<Pickup> all = new ArrayDeque<>();
        all.add(first);
        all.addAll(List.of(then));
        scripts.put(channel, all);
        return this;
    }

    /** Forgets what was received and scripted so far, for the next test on the same connection. */
    public void forget() {
        originates.clear();
        answered.clear();
        scripts.clear();
    }

    public List<Originate> originates() {
        return List.copyOf(originates);
    }

    /** The calls that were answered and handed to the FastAGI script, in order. */
    public List<FakeCall> answeredCalls() {
        return List.copyOf(answered);
    }

    public long logins() {
        return logins.get();
    }

    /** Closes every manager connection now, as an Asterisk restart or a network cut does. */
    public void dropConnections() {
        for (Socket socket : connections) {
            closeQuietly(socket);
        }
    }

    /** While true, new connections are closed at once, as when Asterisk is down. */
    public void refuseConnections(boolean refuse) {
        this.refusing = refuse;
    }

    /** Waits until {@code count} Originates have been received. */
    public List<Originate> awaitOriginates(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (originates.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " Originate actions, got " + originates);
            }
            Thread.sleep(20);
        }
        return originates();
    }

    @Override
    public void close() {
        closeQuietly(server);
        dropConnections();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (refusing) {
                    closeQuietly(socket);
                    continue;
                }
                connections.add(socket);
                Thread.ofVirtual().name("fake-ami-session").start(() -> session(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            Session session = new Session(out);
            session.write(BANNER);
            Map<String, String> action;
            while ((action = read(in)) != null) {
                if (!session.handle(action)) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the hotline or a test closed the connection
        } finally {
            connections.remove(socket);
        }
    }

    /** One message: header lines up to an empty line; null at the end of the stream. */
    private static Map<String, String> read(BufferedReader in) throws IOException {
        Map<String, String> message = new LinkedHashMap<>();
        List<String> variables = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (message.isEmpty()) {
                    continue;
                }
                if (!variables.isEmpty()) {
                    message.put("variable", String.join("\n", variables));
                }
                return message;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase();
            String value = line.substring(colon + 1).strip();
            if (key.equals("variable")) {
                variables.add(value);
            } else {
                message.put(key, value);
            }
        }
        return null;
    }

    private final class Session {
        private final OutputStream out;
        private String challenge;
        private boolean loggedIn;

        Session(OutputStream out) {
            this.out = out;
        }

        synchronized void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** @return false when the connection is to be closed */
        boolean handle(Map<String, String> action) throws IOException {
            String name = action.getOrDefault("action", "").toLowerCase();
            String id = action.containsKey("actionid") ? "ActionID: " + action.get("actionid") + "\r\n" : "";
            switch (name) {
                case "challenge" -> {
                    challenge = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
                    write("Response: Success\r\n" + id + "Challenge: " + challenge + "\r\n\r\n");
                }
                case "login" -> {
                    boolean right = username.equals(action.get("username")) && (secret.equals(action.get("secret"))
                            || (challenge != null && md5(challenge + secret).equalsIgnoreCase(
                                    action.getOrDefault("key", ""))));
                    if (!right) {
                        sleepQuietly(Duration.ofSeconds(1));
                        write("Response: Error\r\n" + id + "Message: Authentication failed\r\n\r\n");
                        return false;
                    }
                    loggedIn = true;
                    logins.incrementAndGet();
                    write("Response: Success\r\n" + id + "Message: Authentication accepted\r\n\r\n");
                    write("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 42\r\nLastReload: 42\r\n"
                            + "Status: Fully Booted\r\n\r\n");
                }
                case "logoff" -> {
                    write("Response: Goodbye\r\n" + id + "Message: Thanks for all the fish.\r\n\r\n");
                    return false;
                }
                default -> {
                    if (!loggedIn) {
                        // process_message: anything but Login, Logoff or Challenge before logging in.
                        write("Response: Error\r\n" + id + "Message: Permission denied\r\n\r\n");
                        return true;
                    }
                    return loggedInAction(name, id, action);
                }
            }
            return true;
        }

        private boolean loggedInAction(String name, String id, Map<String, String> action) throws IOException {
            switch (name) {
                case "ping" -> write("Response: Success\r\n" + id + "Ping: Pong\r\nTimestamp: "
                        + System.currentTimeMillis() / 1000 + ".000000\r\n\r\n");
                case "coresettings" -> write("Response: Success\r\n" + id + "AMIversion: 11.0.0\r\n"
                        + "AsteriskVersion: 22.1.1\r\nSystemName: \r\nCoreMaxCalls: 0\r\n"
                        + "CoreMaxLoadAvg: 0.000000\r\nCoreRunUser: asterisk\r\nCoreRunGroup: asterisk\r\n"
                        + "CoreMaxFilehandles: 0\r\nCoreRealTimeEnabled: No\r\nCoreCDRenabled: Yes\r\n"
                        + "CoreHTTPenabled: No\r\nSoundsSearchCustomDir: No\r\n\r\n");
                case "originate" -> {
                    return originate(id, action);
                }
                default -> write("Response: Error\r\n" + id + "Message: Invalid/unknown command: " + action.get("action")
                        + ". Use Action: ListCommands to show available commands.\r\n\r\n");
            }
            return true;
        }

        private boolean originate(String id, Map<String, String> action) throws IOException {
            String channel = action.get("channel");
            if (channel == null || channel.isBlank()) {
                write("Response: Error\r\n" + id + "Message: Channel not specified\r\n\r\n");
                return true;
            }
            Map<String, String> variables = new LinkedHashMap<>();
            for (String pair : action.getOrDefault("variable", "").split("\n")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    variables.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
            Originate originate = new Originate(action.getOrDefault("actionid", ""), channel,
                    action.getOrDefault("context", ""), action.getOrDefault("exten", ""),
                    action.getOrDefault("callerid", ""), action.getOrDefault("timeout", ""), Map.copyOf(variables));
            originates.add(originate);
            write("Response: Success\r\n" + id + "Message: Originate successfully queued\r\n\r\n");
            Pickup pickup = next(channel);
            if (pickup instanceof LinkDrops) {
                return false;
            }
            String uniqueId = System.currentTimeMillis() / 1000 + "." + channels.incrementAndGet();
            if (pickup instanceof Answers answers && pbx != null) {
                // Asterisk runs the dialplan once the channel is answered; the event goes out at the same moment.
                FakeCall call = pbx.originated(answers.citizen(), script, originate.callerId(), originate.context(),
                        originate.exten(), originate.variables());
                answered.add(call);
                write(response(id, "Success", originate, made(originate), 4, call.uniqueId()));
                Thread.ofVirtual().name("fake-ami-hangup").start(() -> hangupWhenEnded(call, originate));
                return true;
            }
            if (pickup instanceof Answers) {
                // No PBX to run the script on: the citizen picks up and hangs up at once.
                write(response(id, "Success", originate, made(originate), 4, uniqueId));
                write(hangup(originate, uniqueId));
                return true;
            }
            int reason = switch (pickup) {
                case Busy busy -> 5;
                case RingsOut out -> 3;
                default -> 8;
            };
            // A channel that never answered has no unique id in the event (nor a ChannelId given): "<unknown>".
            write(response(id, "Failure", originate, originate.channel(), reason, "<unknown>"));
            return true;
        }

        /** The channel's {@code Hangup} event once the call ends. */
        private void hangupWhenEnded(FakeCall call, Originate originate) {
            try {
                call.awaitEnd(Duration.ofMinutes(15));
            } catch (RuntimeException | AssertionError stillUp) {
                return;
            }
            try {
                write(hangup(originate, call.uniqueId()));
            } catch (IOException linkGone) {
                // the manager connection dropped meanwhile: nobody hears of this hang-up
            }
        }

        private Pickup next(String channel) {
            Deque<Pickup> script = scripts.get(channel);
            if (script == null || script.isEmpty()) {
                return new RingsOut();
            }
            synchronized (script) {
                return script.size() > 1 ? script.poll() : script.peek();
            }
        }
    }

    // The fields of manager.c's OriginateResponse for an Exten, in fast_originate's order.
    /** The name of the channel an answered Originate made, as {@code Channel:} gives it from then on. */
    private static String made(Originate originate) {
        String requested = originate.channel();
        int at = requested.indexOf('@');
        return (at < 0 ? requested : requested.substring(0, at)) + "-00000001";
    }

    /** {@code channel}: the channel made, or for one never made the one asked for. */
    private static String response(String id, String response, Originate originate, String channel, int reason,
                                   String uniqueId) {
        return "Event: OriginateResponse\r\nPrivilege: call,all\r\n" + id + "Response: " + response + "\r\n"
                + "Channel: " + channel + "\r\nContext: " + originate.context() + "\r\n"
                + "Exten: " + originate.exten() + "\r\nReason: " + reason + "\r\n"
                + "Uniqueid: " + uniqueId + "\r\nCallerIDNum: " + callerNumber(originate.callerId()) + "\r\n"
                + "CallerIDName: <unknown>\r\n\r\n";
    }

    /**
     * A {@code Hangup} event, with the fields of a channel snapshot ({@code manager_channels.c}): cause 16, Normal
     * Clearing, as when either side hangs up.
     */
    private static String hangup(Originate originate, String uniqueId) {
        return "Event: Hangup\r\nPrivilege: call,all\r\nChannel: " + made(originate) + "\r\n"
                + "ChannelState: 6\r\nChannelStateDesc: Up\r\nCallerIDNum: " + callerNumber(originate.callerId())
                + "\r\nCallerIDName: <unknown>\r\nConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>\r\n"
                + "Language: fa\r\nAccountCode: \r\nContext: " + originate.context() + "\r\nExten: "
                + originate.exten() + "\r\nPriority: 2\r\nUniqueid: " + uniqueId + "\r\nLinkedid: " + uniqueId
                + "\r\nCause: 16\r\nCause-txt: Normal Clearing\r\n\r\n";
    }

    private static String callerNumber(String callerId) {
        return Optional.ofNullable(callerId).filter(c -> !c.isBlank()).orElse("<unknown>");
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepQuietly(Duration time) {
        try {
            Thread.sleep(time);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
