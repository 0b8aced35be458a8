package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Speech settings that cannot work stop the start, naming the setting to fix. */
class SpeechSettingsTest {

    @Test
    void listeningOnEveryAddressNeedsTheAddressAsteriskUses() {
        assertThatThrownBy(() -> new HotlineProperties.Audiosocket("0.0.0.0", 9092, List.of("10.0.0.5"), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hotline.audiosocket.service");
    }

    @Test
    void anEndSilenceShorterThanOneWindowIsRefused() {
        assertThatThrownBy(() -> recognizer(Duration.ofMillis(5), 0))
                .hasMessageContaining("hotline.recognizer.end-silence");
    }

    @Test
    void aNegativeThreadCountIsRefused() {
        assertThatThrownBy(() -> recognizer(Duration.ofMillis(1200), -3))
                .hasMessageContaining("hotline.recognizer.threads");
    }

    private static HotlineProperties.Recognizer recognizer(Duration endSilence, int threads) {
        return new HotlineProperties.Recognizer(Path.of("models/fa"), HotlineProperties.Capture.AUDIOSOCKET,
                endSilence, Duration.ofSeconds(6), Duration.ofSeconds(60), Duration.ofMillis(500), threads);
    }
}
