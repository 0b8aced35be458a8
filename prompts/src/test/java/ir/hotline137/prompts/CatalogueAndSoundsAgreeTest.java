package ir.hotline137.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed recordings match the catalogue: someone who edits {@code catalogue/fa.txt} and forgets to run
 * {@code make-sounds} finds out here, not from a caller hearing silence.
 */
class CatalogueAndSoundsAgreeTest {
    /** Maven runs tests in the module's folder. */
    private static final Path SOUNDS = Path.of("sounds/fa");

    private final PromptCatalogue persian = PromptCatalogue.persian();

    @Test
    void thereIsExactlyOneRecordingPerPrompt() {
        List<String> missing = PromptSounds.missing(persian, SOUNDS);
        List<String> orphans = PromptSounds.orphans(persian, SOUNDS);

        assertThat(missing.isEmpty() && orphans.isEmpty())
                .as("recordings in %s disagree with the catalogue; run prompts/make-sounds.%n"
                        + "  missing: %s%n  orphans: %s", SOUNDS.toAbsolutePath(), missing, orphans)
                .isTrue();
    }

    @Test
    void everyRecordingIsWhatAsteriskPlaysAsWav() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String name : persian.names()) {
            Path file = SOUNDS.resolve(name + ".wav");
            if (!Files.isRegularFile(file)) {
                continue; // reported by thereIsExactlyOneRecordingPerPrompt
            }
            WavHeader wav = WavHeader.read(file);
            if (wav.format() != 1 || wav.channels() != 1 || wav.sampleRate() != 8000 || wav.bitsPerSample() != 16
                    || wav.blockAlign() != 2) {
                wrong.add(name + ": " + wav);
            } else if (wav.seconds() < 0.2) {
                wrong.add(name + ": only " + wav.seconds() + " s");
            }
        }

        assertThat(wrong).as("recordings that are not 8 kHz 16-bit mono PCM of at least 0.2 s").isEmpty();
    }
}
