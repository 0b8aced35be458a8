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

    /** On a free loopback port with the default endpointing (1.2 s, 6 s, 60 s): tests and benchmarks. */
    public static AudioSocketSettings loopback(int threads) {
        return new AudioSocketSettings("127.0.0.1", 0, "", new Endpointing(Duration.ofMillis(1200),
                Duration.ofSeconds(6), Duration.ofSeconds(60)), Duration.ofMillis(500), threads);
    }
}
