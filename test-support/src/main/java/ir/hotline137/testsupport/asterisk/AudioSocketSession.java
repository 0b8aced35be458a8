package ir.hotline137.testsupport.asterisk;

import java.util.Objects;

/**
 * One {@code EXEC AudioSocket} of a call as the fake Asterisk carried it out: which stream, how much of the caller's
 * voice went down it, and who ended it. Kept in the {@link CallTranscript} so a test can check that the server
 * under test took the stream it asked for and ended it itself.
 *
 * @param uuid the stream's id exactly as given to {@code EXEC}; not necessarily a UUID when the arguments were bad
 * @param server the {@code host:port} exactly as given, empty if none was
 * @param audioBytes signed-linear bytes sent in audio frames, 320 for each 20 ms the stream lasted
 * @param keys the DTMF digits sent, in order; empty if none
 * @param ending how the stream ended, or why there was none
 */
public record AudioSocketSession(String uuid, String server, long audioBytes, String keys, Ending ending) {

    /** Who or what ended an AudioSocket stream; the last two mean that none was opened. */
    public enum Ending {
        /** The server sent a hangup frame; Asterisk closes the socket and answers {@code 200 result=0}. */
        SERVER_HANGUP_FRAME,
        /** The server closed or reset the connection; also {@code 200 result=0}. */
        SERVER_CLOSED,
        /** The caller hung up, by script or by {@link FakeCall#hangUp()}: the socket closed, {@code 200 result=-1}. */
        CALLER_HUNG_UP,
        /**
         * The server did not end the stream within {@link AudioSocketStream#SAFETY_CAP}; a real Asterisk would have
         * streamed on, the fake closes so that a broken test cannot hang.
         */
        SAFETY_CAP,
        /** Nobody took the connection: {@code 200 result=-1}, the channel still up. */
        CONNECT_FAILED,
        /** No UUID in its string form, or no {@code host:port}: {@code 200 result=-1}, the channel still up. */
        BAD_ARGUMENTS
    }

    public AudioSocketSession {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(ending, "ending");
    }

    @Override
    public String toString() {
        return "audiosocket " + uuid + " to " + (server.isEmpty() ? "nowhere" : server) + ": " + audioBytes
                + " audio bytes" + (keys.isEmpty() ? "" : ", keys " + keys) + ", " + ending;
    }
}
