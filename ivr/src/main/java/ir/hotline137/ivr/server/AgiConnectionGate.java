package ir.hotline137.ivr.server;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket Asterisk-Java's server accepts from, with a guard in front: a peer not on the allow
 * list is dropped at once, and a peer that does not send well-formed agi_ headers in time, or sends a line
 * over the limit, is dropped with one log line. Only screened connections reach Asterisk-Java, so a port
 * scanner or a stuck peer never occupies a call thread or fills the log with stack traces.
 *
 * <p>Screening happens on a virtual thread per connection, so a silent peer delays nobody else.
 */
public final class AgiConnectionGate implements ServerSocketFacade {
    private static final Logger log = LoggerFactory.getLogger(AgiConnectionGate.class);
    private static final Pattern HEADER = Pattern.compile("agi_[a-z0-9_]+: ?.*");
    private static final int MAX_HEADERS = 200;

    private final ServerSocket serverSocket;
    private final PeerAllowList allowList;
    private final FastAgiSettings settings;
    private final LinkedBlockingQueue<Optional<ScreenedConnection>> screened = new LinkedBlockingQueue<>();
    private final Map<InetSocketAddress, ScreenedConnection> open = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final Thread acceptor;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("fastagi-header-deadline").daemon().factory());
    private volatile boolean closing;

    /** Binds now, so a taken port fails the start instead of a background thread. */
    public AgiConnectionGate(FastAgiSettings settings) throws IOException {
        this.settings = settings;
        this.allowList = PeerAllowList.of(settings.allowedHosts());
        this.serverSocket = new ServerSocket(settings.port(), 1024, InetAddress.getByName(settings.bind()));
        this.acceptor = Thread.ofPlatform().name("fastagi-gate").daemon().start(this::acceptLoop);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public InetAddress address() {
        return serverSocket.getInetAddress();
    }

    public PeerAllowList allowList() {
        return allowList;
    }

    /** Connections dropped by the gate since start: not allowed, silent, or not speaking AGI. */
    public long refused() {
        return refused.get();
    }

    @Override
    public ScreenedConnection accept() throws IOException {
        try {
            Optional<ScreenedConnection> next = screened.take();
            if (next.isEmpty()) {
                screened.offer(Optional.empty());
                throw new SocketException("FastAGI server closed");
            }
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a connection");
        }
    }

    @Override
    public void setSocketReadTimeout(int ignored) {
        // The read timeouts come from FastAgiSettings: one for the headers, one for the call.
    }

    @Override
    public void close() throws IOException {
        closing = true;
        deadlines.shutdownNow();
        serverSocket.close();
        screened.offer(Optional.empty());
        for (ScreenedConnection connection : List.copyOf(open.values())) {
            connection.close();
        }
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closing) {
                    // e.g. out of file descriptors: pause rather than spin and flood the log
                    log.warn("FastAGI accept failed, trying again shortly: {}", e.toString());
                    pause();
                }
                continue;
            }
            if (!allowList.allows(socket.getInetAddress())) {
                refused.incrementAndGet();
                log.warn("refused FastAGI connection from {}: not in hotline.fastagi.allowed-hosts ({})",
                        socket.getInetAddress().getHostAddress(), allowList);
                closeQuietly(socket);
                continue;
            }
            Thread.ofVirtual().name("fastagi-screen-" + socket.getPort()).start(() -> screen(socket));
        }
    }

    private void screen(Socket socket) {
        String peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        // One deadline for the whole introduction: a per-read timeout would let a peer that sends a byte now
        // and then stay for ever. When it passes the socket is closed, which ends the read below.
        String tooSlow = "sent no complete agi_ headers within " + settings.headerTimeout().toSeconds() + " s";
        ScheduledFuture<?> deadline;
        try {
            deadline = deadlines.schedule(() -> closeQuietly(socket), settings.headerTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            closeQuietly(socket); // the server is stopping
            return;
        }
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true); // finds an Asterisk host that vanished without closing the connection
            AgiLineReader reader = new AgiLineReader(socket.getInputStream(), settings.maxLineBytes());
            List<String> headers = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null && !line.isEmpty()) {
                if (!HEADER.matcher(line).matches()) {
                    drop(socket, peer, "sent '" + printable(line) + "' where an agi_ header belongs");
                    return;
                }
                if (headers.size() == MAX_HEADERS) {
                    drop(socket, peer, "sent more than " + MAX_HEADERS + " agi_ headers");
                    return;
                }
                headers.add(line);
            }
            if (line == null) {
                drop(socket, peer, "closed the connection before the end of its agi_ headers");
                return;
            }
            if (headers.stream().noneMatch(h -> h.startsWith("agi_network_script:") || h.startsWith("agi_request:"))) {
                drop(socket, peer, "sent agi_ headers without agi_request or agi_network_script");
                return;
            }
            if (!deadline.cancel(false)) {
                drop(socket, peer, tooSlow);
                return;
            }
            InetSocketAddress key = (InetSocketAddress) socket.getRemoteSocketAddress();
            ScreenedConnection connection = new ScreenedConnection(socket, reader, headers,
                    (int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis()), () -> open.remove(key));
            open.put(key, connection);
            if (closing) {
                connection.close();
                return;
            }
            screened.add(Optional.of(connection));
        } catch (AgiLineReader.LineTooLongException e) {
            drop(socket, peer, "sent " + e.getMessage());
        } catch (IOException e) {
            drop(socket, peer, deadline.isDone() ? tooSlow : "failed while sending its headers: " + e.getMessage());
        } finally {
            deadline.cancel(false);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drop(Socket socket, String peer, String why) {
        refused.incrementAndGet();
        log.warn("closed FastAGI connection from {}: it {}", peer, why);
        closeQuietly(socket);
    }

    private static String printable(String line) {
        String shown = line.length() > 60 ? line.substring(0, 60) + "…" : line;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do for a peer we are turning away
        }
    }
}
