package ir.hotline137.recognizer.audiosocket;

import ir.hotline137.recognizer.audio.Endpointing;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The streams the IVR has asked Asterisk to open and not yet received, by UUID. A connection is served only
 * if it names one of them, once: a stray or replayed UUID is refused.
 */
public final class ExpectedStreams {
    private final ConcurrentMap<UUID, AwaitedStream> waiting = new ConcurrentHashMap<>();

    /**
     * Registers a stream before {@code EXEC AudioSocket} is sent, so the connection finds it however fast it
     * comes.
     *
     * @param callId      the call it belongs to, for the logs
     * @param recording   where the audio is saved as WAV
     * @param endpointing when the utterance is over
     */
    public AwaitedStream expect(String callId, Path recording, Endpointing endpointing) {
        UUID id = UUID.randomUUID();
        AwaitedStream stream = new AwaitedStream(id, callId, recording, endpointing, this);
        waiting.put(id, stream);
        return stream;
    }

    /** How many streams are awaited and not yet connected. */
    public int waiting() {
        return waiting.size();
    }

    /** The stream for a connection that sent {@code id}, taken off the list. */
    Optional<AwaitedStream> claim(UUID id) {
        AwaitedStream stream = waiting.remove(id);
        if (stream != null) {
            stream.claimed();
        }
        return Optional.ofNullable(stream);
    }

    /** True if the stream was still unclaimed and is now withdrawn, so no connection can claim it any more. */
    boolean withdraw(AwaitedStream stream) {
        return waiting.remove(stream.id(), stream);
    }
}
