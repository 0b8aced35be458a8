package ir.hotline137.ivr.server;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk-Java's FastAGI server, serving {@code agi://HOST:PORT/ivr}, with two changes:
 * <ul>
 *   <li>every call runs on its own virtual thread: Asterisk-Java's pool has no queue and turns calls away
 *       past its maximum, and a call spends nearly all its life waiting for the caller;</li>
 *   <li>connections come through the {@link AgiConnectionGate}, which keeps out peers that are not allowed
 *       or do not speak AGI.</li>
 * </ul>
 */
public final class FastAgiServer implements AutoCloseable {
    public static final String SCRIPT = "ivr";
    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final AgiConnectionGate gate;
    private final CallThreadServer server;
    private final Thread acceptor;

    private FastAgiServer(AgiConnectionGate gate, AgiScript script) {
        this.gate = gate;
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(Map.of(SCRIPT, script));
        this.server = new CallThreadServer(mapping, gate);
        this.acceptor = Thread.ofPlatform().name("fastagi-accept").daemon().start(this::serve);
    }

    /** Binds the port (failing here if it is taken) and starts taking calls. */
    public static FastAgiServer start(FastAgiSettings settings, AgiScript script) throws IOException {
        AgiConnectionGate gate = new AgiConnectionGate(settings);
        log.info("FastAGI server listening on {}:{} for agi://HOST:{}/{}; allowed peers: {}", settings.bind(),
                gate.port(), gate.port(), SCRIPT, gate.allowList());
        return new FastAgiServer(gate, script);
    }

    public int port() {
        return gate.port();
    }

    /** Calls that have been handed to a call thread since start. */
    public long callsStarted() {
        return server.started.get();
    }

    public long connectionsRefused() {
        return gate.refused();
    }

    @Override
    public void close() {
        server.shutdown(); // closes the gate too: it is the server's socket
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        try {
            server.startup();
        } catch (IOException | RuntimeException e) {
            log.error("FastAGI server stopped", e);
        }
    }

    private static final class CallThreadServer extends DefaultAgiServer {
        private final AgiConnectionGate gate;
        private final AtomicLong started = new AtomicLong();

        CallThreadServer(SimpleMappingStrategy mapping, AgiConnectionGate gate) {
            super(mapping);
            this.gate = gate;
            setPort(gate.port());
            setAddress(gate.address()); // only for Asterisk-Java's "Listening on" line: the gate has bound already
        }

        // Asterisk-Java's accept loop is one thread: it takes a connection from the gate, wraps it in a handler
        // and hands that to execute(). Remembering the connection in between pairs the two without a lookup.
        private ScreenedConnection accepted;

        @Override
        protected ServerSocketFacade createServerSocket() {
            return new ServerSocketFacade() {
                @Override
                public ScreenedConnection accept() throws IOException {
                    accepted = gate.accept();
                    return accepted;
                }

                @Override
                public void close() throws IOException {
                    gate.close();
                }

                @Override
                public void setSocketReadTimeout(int ignored) {
                    // the gate applies FastAgiSettings' timeouts
                }
            };
        }

        @Override
        protected void execute(Runnable call) {
            long n = started.incrementAndGet();
            ScreenedConnection connection = accepted;
            accepted = null;
            Thread.ofVirtual().name("call-" + n).start(connection == null ? call : connection.boundTo(call));
        }
    }
}
