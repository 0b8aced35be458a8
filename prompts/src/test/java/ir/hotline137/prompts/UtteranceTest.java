package ir.hotline137.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtteranceTest {
    @Test
    void promptsAndFilesPlayInOrder() {
        Utterance said = Utterance.of(Prompt.REGISTERED)
                .then(SpokenNumbers.digits("42"))
                .then(Prompt.CODE_AGAIN)
                .then(Utterance.ofFiles("n-4", "n-2"));

        assertThat(said.files()).containsExactly("registered", "n-4", "n-2", "code-again", "n-4", "n-2");
    }

    @Test
    void emptyUtterancesJoinToNothing() {
        assertThat(Utterance.of().isEmpty()).isTrue();
        assertThat(Utterance.empty().then(Utterance.ofFiles()).isEmpty()).isTrue();
        assertThat(Utterance.empty().then(Prompt.GOODBYE).files()).containsExactly("goodbye");
        assertThat(Utterance.of(Prompt.GOODBYE).isEmpty()).isFalse();
    }

    @Test
    void theFilesCannotChangeAfterwards() {
        List<String> files = new ArrayList<>(List.of("welcome"));
        Utterance said = new Utterance(files);
        files.add("goodbye");

        assertThat(said.files()).containsExactly("welcome");
        assertThatThrownBy(() -> said.files().add("goodbye")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void blankOrMissingNamesAreRefused() {
        assertThatThrownBy(() -> Utterance.ofFiles("welcome", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Utterance.ofFiles(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Utterance.ofFiles("welcome", null)).isInstanceOf(NullPointerException.class);
    }
}
