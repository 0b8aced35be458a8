package ir.hotline137.recognizer.audiosocket;

import ir.hotline137.recognizer.audio.Endpointing;
import java.time.Duration;

/**
 * How the AudioSocket server listens.
 *
 * @param bind               the address to listen on; loopback unless Asterisk runs on another host
 * @param port               the port, 0 for any free one (tests)
 * @param service            the {@code host:port} Asterisk is told to connect to; blank for bind:port
 * @param endpointing        when an utterance is over
 * @param partialInterval    how often the words so far are refreshed while the caller speaks
 * @param recognitionThreads how many threads decode speech; more than the cores only adds waiting
 */
public record AudioSocketSettings(String bind, int port, String service, Endpointing endpointing,
                                  Duration partialInterval, int recognitionThreads) {
    public AudioSocketSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("hotline.audiosocket.port must be 0..65535, not " + port);
        }
        if (recognitionThreads < 1) {
            throw new IllegalArgumentException("hotline.recognizer.threads must be at least 1, not " + recognitionThreads);
        }
        if (!partialInterval.isPositive()) {
            throw new IllegalArgumentException("hotline.recognizer.partial-interval must be positive");
        }
    }

}
