package ir.hotline137.testsupport.asterisk;

import ir.hotline137.testsupport.asterisk.ScriptedChannel.Reply;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One call from a {@link FakeAsterisk} to the FastAGI server under test, answered on its own virtual thread while
 * the test watches it, hangs it up, or waits for its end. Every wait is bounded: a call never hangs a test.
 *
 * <p>The call ends when the server closes the connection, as a FastAGI script does when it is done; or with an
 * error in its {@link CallTranscript} when the server stays silent past the read timeout, the connection fails,
 * or the test closes the call first.
 */
public final class FakeCall implements AutoCloseable {

    private final String uniqueId;
    private final ScriptedChannel channel;
    private final Consumer<FakeCall> whenEnded;

    // One lock per call: the answering thread and the test's hang-up must not interleave their lines.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<String> commands = new ArrayList<>();
    private final List<String> replies = new ArrayList<>();
    private final List<Path> recordings = new ArrayList<>();
    private final List<AudioSocketSession> audioSockets = new ArrayList<>();
    private Socket socket;
    private Writer out;
    private boolean inCommand;
    private boolean callerHungUp;
    private boolean serverHungUp;
    private boolean closing;
    private boolean ended;
    private int hangUpNoticeAt = -1;
    private String error;

    FakeCall(String uniqueId, ScriptedChannel channel, Consumer<FakeCall> whenEnded) {
        this.uniqueId = uniqueId;
        this.channel = channel;
        this.whenEnded = whenEnded;
    }

    /** The call's {@code agi_uniqueid}, unique within the JVM. */
    public String uniqueId() {
        return uniqueId;
    }

    /** Every command line received so far, in order. */
    public List<String> commands() {
        lock.lock();
        try {
            return List.copyOf(commands);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first command line, already received or still to come, that matches.
     *
     * @throws AssertionError listing the commands so far, if none matches within the timeout or the call ends first
     */
    public String awaitCommand(Predicate<String> matching, Duration timeout) {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            int checked = 0;
            while (true) {
                for (; checked < commands.size(); checked++) {
                    if (matching.test(commands.get(checked))) {
                        return commands.get(checked);
                    }
                }
                if (ended) {
                    throw new AssertionError("the call ended without the command awaited:\n" + snapshot());
                }
                if (nanos <= 0) {
                    throw new AssertionError("the command awaited did not come within " + timeout + ":\n" + snapshot());
                }
                nanos = changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting a command:\n" + snapshot(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first command line starting with {@code prefix}, as sent or with its words unquoted (see
     * {@link CallTranscript#sent(String)}), e.g. {@code awaitCommand("EXEC Dial", ...)}.
     */
    public String awaitCommand(String prefix, Duration timeout) {
        return awaitCommand(command -> AgiCommand.startsWith(command, prefix), timeout);
    }

    /**
     * Waits until the first command starting with {@code prefix} (see {@link CallTranscript#sent(String)}) has been
     * answered, its reply on its way to the server, and returns that reply: from then on the server acts on it.
     *
     * @throws AssertionError listing the commands so far, if no such command is answered within the timeout
     */
    public String awaitReply(String prefix, Duration timeout) {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (int i = 0; i < replies.size(); i++) {
                    if (AgiCommand.startsWith(commands.get(i), prefix)) {
                        return replies.get(i);
                    }
                }
                if (ended) {
                    throw new AssertionError("the call ended without an answered " + prefix + ":\n" + snapshot());
                }
                if (nanos <= 0) {
                    throw new AssertionError("no " + prefix + " answered within " + timeout + ":\n" + snapshot());
                }
                nanos = changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting a reply:\n" + snapshot(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The caller hangs up now: the server gets an unsolicited {@code HANGUP} line at once, or right after the reply
     * if a command is being answered (an input command then answers as interrupted by the hang-up if it was still
     * waiting), and every later command but the few res_agi allows on a dead channel gets {@code 511}. Does nothing
     * once the channel is down.
     */
    public void hangUp() {
        lock.lock();
        try {
            if (ended || callerHungUp || serverHungUp) {
                return;
            }
            callerHungUp = true;
            // Not connected yet: the notice follows the AGI environment. Mid-command: it follows the reply.
            if (out != null && !inCommand) {
                sendHangUpNotice();
                out.flush();
            }
        } catch (IOException e) {
            // The server is gone already; the answering thread sees that on its next read.
        } finally {
            changed.signalAll();
            lock.unlock();
        }
    }

    /**
     * Waits for the server to close the connection and returns what happened on the call.
     *
     * @throws AssertionError with the transcript so far, if the call is still up after the timeout
     */
    public CallTranscript awaitEnd(Duration timeout) {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!ended) {
                if (nanos <= 0) {
                    throw new AssertionError("the call is still up after " + timeout + ":\n" + snapshot());
                }
                nanos = changed.awaitNanos(nanos);
            }
            return snapshot();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting the end of the call:\n" + snapshot(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the connection is closed, by the server or otherwise. */
    public boolean isEnded() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the connection if the call is still up, recording that as the call's error; a test's safety net, not a
     * hang-up (see {@link #hangUp()}).
     */
    @Override
    public void close() {
        Socket toClose;
        lock.lock();
        try {
            if (ended) {
                return;
            }
            closing = true;
            toClose = socket;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (toClose != null) {
            try {
                toClose.close();
            } catch (IOException e) {
                // Closing is all we wanted; the answering thread records the end.
            }
        }
    }

    @Override
    public String toString() {
        return "FakeCall[" + uniqueId + (isEnded() ? ", ended]" : "]");
    }

    /** Connects, sends the AGI environment and answers commands until the end; runs on the call's own thread. */
    void run(InetSocketAddress server, String environment, Duration connectTimeout, Duration readTimeout) {
        Socket connection = new Socket();
        try (connection) {
            lock.lock();
            try {
                if (closing) {
                    throw new IOException("closed before connecting");
                }
                socket = connection;
            } finally {
                lock.unlock();
            }
            connect(connection, server, connectTimeout);
            connection.setTcpNoDelay(true);
            connection.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
            lock.lock();
            try {
                out = new BufferedWriter(new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8));
                out.write(environment);
                if (callerHungUp) {
                    sendHangUpNotice();
                }
                out.flush();
            } finally {
                lock.unlock();
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                answer(line);
            }
        } catch (SocketTimeoutException e) {
            fail("the server sent nothing for " + readTimeout + " (read timeout)");
        } catch (IOException e) {
            lock.lock();
            try {
                // A server that closes with our HANGUP notice unread resets the connection: a normal end.
                if (closing) {
                    fail("closed by the test before the server ended the call");
                } else if (hangUpNoticeAt < 0) {
                    fail("connection to " + server + " failed: " + e);
                }
            } finally {
                lock.unlock();
            }
        } catch (InterruptedException e) {
            fail("interrupted while answering");
        } catch (RuntimeException e) {
            fail("the fake Asterisk failed: " + e);
        } finally {
            lock.lock();
            try {
                ended = true;
                out = null;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            whenEnded.accept(this);
        }
    }

    private static void connect(Socket connection, InetSocketAddress server, Duration timeout) throws IOException {
        try {
            connection.connect(server, Math.toIntExact(timeout.toMillis()));
        } catch (SocketTimeoutException e) {
            // Rethrown as a plain IOException so that it is not taken for a silent server.
            throw new IOException("no connection within " + timeout, e);
        }
    }

    private void answer(String line) throws IOException, InterruptedException {
        boolean dead;
        lock.lock();
        try {
            commands.add(line);
            dead = callerHungUp || serverHungUp;
            inCommand = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        Reply reply = dead
                ? channel.answerDead(AgiCommand.parse(line))
                : channel.answer(AgiCommand.parse(line), this::hangsUpWithin);
        lock.lock();
        try {
            replies.add(reply.text());
            if (reply.recording() != null) {
                recordings.add(reply.recording());
            }
            if (reply.audioSocket() != null) {
                audioSockets.add(reply.audioSocket());
            }
            switch (reply.effect()) {
                case CALLER_HUNG_UP -> callerHungUp = true;
                case CHANNEL_HUNG_UP -> serverHungUp = true;
                case NONE -> {
                }
            }
            out.write(reply.text());
            out.write('\n');
            // As res_agi does, the channel going down, whoever caused it, is announced once, after the reply.
            if ((callerHungUp || serverHungUp) && hangUpNoticeAt < 0) {
                sendHangUpNotice();
            }
            out.flush();
        } finally {
            inCommand = false;
            changed.signalAll();
            lock.unlock();
        }
    }

    private boolean hangsUpWithin(long millis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            while (!callerHungUp && !closing && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return callerHungUp;
        } finally {
            lock.unlock();
        }
    }

    // Callers hold the lock.
    private void sendHangUpNotice() throws IOException {
        hangUpNoticeAt = commands.size();
        out.write("HANGUP\n");
    }

    private void fail(String why) {
        lock.lock();
        try {
            if (error == null) {
                error = why;
            }
        } finally {
            lock.unlock();
        }
    }

    // Callers hold the lock.
    private CallTranscript snapshot() {
        return new CallTranscript(uniqueId, commands, replies, recordings, audioSockets, callerHungUp, serverHungUp,
                hangUpNoticeAt, Optional.ofNullable(error));
    }
}
