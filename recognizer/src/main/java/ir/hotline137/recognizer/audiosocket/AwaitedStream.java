package ir.hotline137.recognizer.audiosocket;

import ir.hotline137.recognizer.audio.Endpointing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One utterance the IVR is waiting to hear over AudioSocket: its UUID goes into {@code EXEC AudioSocket}, and
 * once that returns, {@link #await(Duration)} gives what was heard.
 */
public final class AwaitedStream {
    private final UUID id;
    private final String callId;
    private final Path recording;
    private final Endpointing endpointing;
    private final ExpectedStreams owner;
    /**
     * Asterisk may return from the application a moment before we have read the stream's first frame (a caller
     * who hangs up at once): so long is allowed for the connection to show up before it counts as never made.
     */
    private static final Duration CONNECTION_GRACE = Duration.ofSeconds(1);

    private final CompletableFuture<Heard> heard = new CompletableFuture<>();
    private final CountDownLatch claimed = new CountDownLatch(1);
    private volatile String partial = "";

    AwaitedStream(UUID id, String callId, Path recording, Endpointing endpointing, ExpectedStreams owner) {
        this.id = id;
        this.callId = callId;
        this.recording = recording;
        this.endpointing = endpointing;
        this.owner = owner;
    }

    public UUID id() {
        return id;
    }

    public String callId() {
        return callId;
    }

    public Path recording() {
        return recording;
    }

    public Endpointing endpointing() {
        return endpointing;
    }

    /** The words recognised so far, while the caller is still speaking ("" before any). */
    public String partial() {
        return partial;
    }

    /**
     * What was heard. Call it once Asterisk's AudioSocket application has returned: a stream that never
     * connected is then {@link Heard.NotConnected}, and one that did is finished or about to be.
     *
     * @param patience how long to wait for the last words to be decoded
     */
    public Heard await(Duration patience) {
        try {
            if (!awaitConnection(CONNECTION_GRACE) && owner.withdraw(this)) {
                return new Heard.NotConnected();
            }
            return heard.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Heard.Broken("no result within " + patience, savedAudio());
        } catch (ExecutionException e) {
            return new Heard.Broken(String.valueOf(e.getCause()), savedAudio());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Heard.Broken("interrupted while waiting", savedAudio());
        }
    }

    /** Whatever audio reached the disk, for a stream whose words never came: a person can still listen. */
    private Optional<Path> savedAudio() {
        return Optional.of(recording).filter(Files::isRegularFile);
    }

    /** Waits for Asterisk's connection for this stream; true once it has arrived. */
    public boolean awaitConnection(Duration patience) throws InterruptedException {
        return claimed.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Gives up on a stream that will not be opened (Asterisk refused the application): it can no longer be claimed. */
    public void abandon() {
        owner.withdraw(this);
    }

    /** Whether the stream has finished, one way or another. */
    public boolean isDone() {
        return heard.isDone();
    }

    void claimed() {
        claimed.countDown();
    }

    void partial(String words) {
        partial = words;
    }

    void complete(Heard result) {
        heard.complete(result);
    }

    @Override
    public String toString() {
        return "stream " + id + " of call " + callId;
    }
}
