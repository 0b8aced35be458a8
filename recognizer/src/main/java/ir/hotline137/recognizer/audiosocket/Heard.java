package ir.hotline137.recognizer.audiosocket;

import java.nio.file.Path;
import java.util.Optional;

/** What came of one streamed utterance. */
public sealed interface Heard {

    /** The audio as saved, when there is any: it goes with the request, or to the agent who listens. */
    Optional<Path> recording();

    /** How a stream that ran its course ended. */
    enum Ending {
        /** The caller spoke and then fell silent. */
        SILENCE_AFTER_SPEECH,
        /** The caller pressed # to finish. */
        KEY_PRESSED,
        /** The utterance reached its maximum length. */
        TIME_LIMIT,
        /** The caller never began within the no-speech time. */
        NO_SPEECH,
        /** Asterisk closed the stream: the caller hung up, or the connection was lost. */
        PEER_CLOSED
    }

    /** Words were recognised. */
    record Words(String text, Path file, Ending ending) implements Heard {
        public Words {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("words must not be blank");
            }
        }

        @Override
        public Optional<Path> recording() {
            return Optional.of(file);
        }
    }

    /** The caller made sound enough to be speech, but no words came of it: a person should listen. */
    record NoWords(Path file, Ending ending) implements Heard {
        @Override
        public Optional<Path> recording() {
            return Optional.of(file);
        }
    }

    /** Nothing but the quiet of the line. */
    record Silence(Optional<Path> recording) implements Heard {
    }

    /** The stream broke (a malformed frame, an error from Asterisk); whatever audio came is kept. */
    record Broken(String reason, Optional<Path> recording) implements Heard {
    }

    /** Asterisk never connected for this stream: nothing was heard or saved. */
    record NotConnected() implements Heard {
        @Override
        public Optional<Path> recording() {
            return Optional.empty();
        }
    }
}
