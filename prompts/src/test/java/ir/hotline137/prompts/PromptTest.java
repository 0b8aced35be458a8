package ir.hotline137.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PromptTest {
    private static final Pattern SPOKEN_PIECE = Pattern.compile("n-\\d+|nth-\\d+|month-\\d+|and");

    private final PromptCatalogue persian = PromptCatalogue.persian();

    @Test
    void everyPromptIsInTheCatalogue() {
        assertThat(Arrays.stream(Prompt.values()).map(Prompt::fileName)).allSatisfy(
                name -> assertThat(persian.contains(name)).as("the catalogue has '%s'", name).isTrue());
    }

    @Test
    void everyCatalogueNameIsAPromptAPieceOrAStandardResult() {
        // A prompt added to the catalogue but not here could never be played by name.
        Set<String> prompts = Arrays.stream(Prompt.values()).map(Prompt::fileName).collect(Collectors.toSet());
        List<String> unplayable = persian.names().stream()
                .filter(name -> !prompts.contains(name))
                .filter(name -> !SPOKEN_PIECE.matcher(name).matches())
                .filter(name -> persian.standardResult(persian.words(name)).isEmpty())
                .toList();

        assertThat(unplayable).isEmpty();
    }

    @Test
    void fileNamesAreTheCatalogueNames() {
        assertThat(Prompt.WELCOME.fileName()).isEqualTo("welcome");
        assertThat(Prompt.STATUS_IN_PROGRESS.fileName()).isEqualTo("status-in-progress");
        assertThat(Arrays.stream(Prompt.values()).map(Prompt::fileName)).doesNotHaveDuplicates();
    }
}
