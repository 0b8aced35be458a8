package ir.hotline137.ivr.server;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.ivr.IvrHarness;
import ir.hotline137.testsupport.Eventually;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Peers that are not Asterisk, or not allowed, lose their own connection and nothing else. */
class FastAgiRobustnessTest {
    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path dir;
    IvrHarness ivr;

    @BeforeEach
    void start() {
        // 127.0.0.1 may connect; 127.0.0.2 (also loopback on Linux) may not.
        ivr = IvrHarness.start(dir, s -> s, new FastAgiSettings("127.0.0.1", 0, List.of("127.0.0.1"), HEADER_TIMEOUT,
                8192, Duration.ofMinutes(5)));
    }

    @AfterEach
    void stop() throws Exception {
        ivr.close();
    }

    @Test
    void garbageInsteadOfHeadersIsDisconnected() throws IOException {
        try (Socket peer = connect("127.0.0.1")) {
            send(peer, "GET / HTTP/1.1\r\nHost: hotline\r\n\r\n");
            assertThat(closedWithin(peer, Duration.ofSeconds(5))).isTrue();
        }
        assertThatACallStillWorks();
        awaitRefused(1);
        assertThat(ivr.server.callsStarted()).isEqualTo(1);
    }

    @Test
    void aHeaderLineOverEightKilobytesIsDisconnected() throws IOException {
        try (Socket peer = connect("127.0.0.1")) {
            send(peer, "agi_network: yes\nagi_callerid: " + "9".repeat(9000) + "\n\n");
            assertThat(closedWithin(peer, Duration.ofSeconds(5))).isTrue();
        }
        assertThatACallStillWorks();
        awaitRefused(1);
    }

    @Test
    void aPeerThatSaysNothingIsDisconnectedAfterTheHeaderTimeoutWhileOthersAreServed() throws IOException {
        try (Socket silent = connect("127.0.0.1"); Socket halfway = connect("127.0.0.1")) {
            send(halfway, "agi_network: yes\nagi_network_script: ivr\n");
            assertThatACallStillWorks();
            assertThat(closedWithin(silent, HEADER_TIMEOUT.plusSeconds(4))).isTrue();
            assertThat(closedWithin(halfway, HEADER_TIMEOUT.plusSeconds(4))).isTrue();
        }
        // the peer sees its socket closed a moment before the gate has counted it
        awaitRefused(2);
        assertThat(ivr.server.callsStarted()).isEqualTo(1);
    }

    @Test
    void aPeerNotOnTheAllowListIsDisconnectedAtOnce() throws IOException {
        try (Socket stranger = connect("127.0.0.2")) {
            assertThat(closedWithin(stranger, Duration.ofMillis(900))).isTrue();
        }
        assertThatACallStillWorks();
        awaitRefused(1);
        assertThat(ivr.server.callsStarted()).isEqualTo(1);
    }

    private void awaitRefused(long expected) {
        Eventually.await(() -> ivr.server.connectionsRefused() >= expected, Duration.ofSeconds(3));
        assertThat(ivr.server.connectionsRefused()).isEqualTo(expected);
    }

    private void assertThatACallStillWorks() {
        CallTranscript call = ivr.asterisk.dial(Caller.withNumber("09121234567").presses("1").presses("4#")
                .says("زباله‌های کوچه دو روز است جمع‌آوری نشده")).awaitEnd(Duration.ofSeconds(30));
        assertThat(call.error()).isEmpty();
        assertThat(call.played()).contains("hotline137/registered");
        Eventually.await(() -> ivr.call(call.uniqueId()).isPresent(), Duration.ofSeconds(5));
        assertThat(ivr.call(call.uniqueId()).orElseThrow().outcome()).isEqualTo(CallOutcome.REGISTERED);
    }

    private Socket connect(String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", ivr.server.port()), 2_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** True when the server closed the connection (end of stream or reset) before the time passed. */
    private static boolean closedWithin(Socket socket, Duration time) throws IOException {
        socket.setSoTimeout((int) time.toMillis());
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
