package ir.hotline137.ivr.server;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk-Java's FastAGI server, serving {@code agi://HOST:PORT/ivr} (a citizen's call to 137) and, when the hotline
 * calls citizens, {@code agi://HOST:PORT/notify} (the call it placed, answered), with two changes:
 * <ul>
 *   <li>every call runs on its own virtual thread: Asterisk-Java's pool has no queue and turns calls away
 *       past its maximum, and a call spends nearly all its life waiting for the caller. Before Java 24 a
 *       virtual thread blocked inside Asterisk-Java's synchronized channel would hold one of the few carrier
 *       threads for a whole prompt or conversation, so there each call gets a platform thread instead;</li>
 *   <li>connections come through the {@link AgiConnectionGate}, which keeps out peers that are not allowed
 *       or do not speak AGI.</li>
 * </ul>
 */
public final class FastAgiServer implements AutoCloseable {
    public static final String SCRIPT = "ivr";
    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);
    /** On close, calls get this long to wind up (save what the caller said, write their record). */
    private static final Duration WIND_UP = Duration.ofSeconds(10);
    private static final boolean VIRTUAL_CALLS = Runtime.version().feature() >= 24;

    private final AgiConnectionGate gate;
    private final CallThreadServer server;
    private final Thread acceptor;

    private FastAgiServer(AgiConnectionGate gate, Map<String, AgiScript> scripts) {
        this.gate = gate;
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(Map.copyOf(scripts));
        this.server = new CallThreadServer(mapping, gate);
        this.acceptor = Thread.ofPlatform().name("fastagi-accept").daemon().start(this::serve);
    }

    /** Binds the port (failing here if it is taken) and starts taking calls. */
    public static FastAgiServer start(FastAgiSettings settings, AgiScript script) throws IOException {
        return start(settings, Map.of(SCRIPT, script));
    }

    /** The same, serving each script by its name ({@code agi://HOST:PORT/NAME}). */
    public static FastAgiServer start(FastAgiSettings settings, Map<String, AgiScript> scripts) throws IOException {
        AgiConnectionGate gate = new AgiConnectionGate(settings);
        log.info("FastAGI server listening on {}:{} for agi://HOST:{}/{}; allowed peers: {}", settings.bind(),
                gate.port(), gate.port(), String.join(", /", new java.util.TreeSet<>(scripts.keySet())),
                gate.allowList());
        return new FastAgiServer(gate, scripts);
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

    /**
     * Stops taking calls and cuts the ones in progress (Asterisk goes on with its dialplan), then waits for
     * their threads to save what they gathered, so the stores may be closed after this returns.
     */
    @Override
    public void close() {
        server.shutdown();
        try {
            gate.close(); // also when the accept loop has not started yet
        } catch (IOException e) {
            log.warn("closing the FastAGI port failed: {}", e.toString());
        }
        long deadline = System.nanoTime() + WIND_UP.toNanos();
        try {
            acceptor.join(WIND_UP.toMillis());
            for (Thread call : server.calls) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !call.join(Duration.ofNanos(left))) {
                    log.warn("{} calls were still winding up when the FastAGI server stopped", server.calls.size());
                    break;
                }
            }
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
        private final Set<Thread> calls = ConcurrentHashMap.newKeySet();

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
            Runnable bound = connection == null ? call : connection.boundTo(call);
            Thread.Builder builder = VIRTUAL_CALLS ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
            Thread thread = builder.name("call-" + n).unstarted(() -> {
                try {
                    bound.run();
                } finally {
                    calls.remove(Thread.currentThread());
                }
            });
            calls.add(thread);
            thread.start();
        }
    }
}
