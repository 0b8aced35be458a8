package ir.hotline137.ivr.server;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One Asterisk connection whose agi_ headers have already been read and checked by the
 * {@link AgiConnectionGate}. Asterisk-Java reads the headers again through {@link #readLine()}, so they are
 * replayed first; after them come the replies to the script's commands, read with the same length limit.
 */
public final class ScreenedConnection implements SocketConnectionFacade {
    /** The connection of the call running on this thread; each call has a thread of its own. */
    private static final ThreadLocal<ScreenedConnection> OF_CALL = new ThreadLocal<>();

    private final Socket socket;
    private final AgiLineReader reader;
    private final BufferedWriter writer;
    private final Queue<String> replay;
    private final int readTimeoutMillis;
    private final Runnable onClose;
    private volatile boolean closed;

    ScreenedConnection(Socket socket, AgiLineReader reader, List<String> headers, int readTimeoutMillis,
                       Runnable onClose) throws IOException {
        this.socket = socket;
        this.reader = reader;
        this.writer = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
        this.replay = new ArrayDeque<>(headers);
        this.replay.add("");
        this.readTimeoutMillis = readTimeoutMillis;
        this.onClose = onClose;
        socket.setSoTimeout(readTimeoutMillis);
    }

    /** The connection of the call this thread is running, if it came through the gate. */
    public static Optional<ScreenedConnection> ofThisCall() {
        return Optional.ofNullable(OF_CALL.get());
    }

    /** Runs a call's handler with this connection as {@link #ofThisCall()}. */
    Runnable boundTo(Runnable call) {
        return () -> {
            OF_CALL.set(this);
            try {
                call.run();
            } finally {
                OF_CALL.remove();
            }
        };
    }

    @Override
    public String readLine() throws IOException {
        String replayed = replay.poll();
        return replayed != null ? replayed : reader.readLine();
    }

    /**
     * Listens for up to {@code slice} for what Asterisk sends without being asked: the HANGUP notice, or the
     * end of the connection. Only for a call thread that has no command outstanding (the hold loop), so the
     * reply to a command can never be taken for it.
     *
     * @return true when the caller is gone, false when the slice passed in silence
     */
    public boolean hungUpWithin(Duration slice) throws IOException {
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, slice.toMillis())));
        try {
            // HANGUP or the end of the stream: the caller is gone. Any other unsolicited line breaks the
            // protocol, and the call cannot go on after that either.
            reader.readLine();
            return true;
        } catch (SocketTimeoutException quiet) {
            return false;
        } finally {
            if (!closed) {
                socket.setSoTimeout(readTimeoutMillis);
            }
        }
    }

    @Override
    public void write(String s) throws IOException {
        writer.write(s);
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                socket.close();
            } finally {
                onClose.run();
            }
        }
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !closed;
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
