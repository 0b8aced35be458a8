package ir.hotline137.recognizer.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Grammar mode for short answers. Vosk takes the grammar as a JSON array of phrases, so {@link Grammar#json()}
 * must be valid JSON whatever the phrases hold (Persian, quotes) and end with "[unk]", or other speech is forced
 * onto the nearest word. {@link Grammar#match} turns what the recognizer heard back into a meaning: whole words
 * only, since "nine" heard inside "ninety" is not a nine, and never "[unk]". The catalogues carry the per-language
 * words; Persian "نه" is both "no" and "nine", which is why yes-no and digits are separate grammars.
 */
class GrammarTest {
    private static final JsonFactory JSON = new JsonFactory();

    private static final Grammar YES_NO = new Grammar("yes-no", List.of(
            new Grammar.Choice("yes", "yes"),
            new Grammar.Choice("yes", "yes please"),
            new Grammar.Choice("no", "no"),
            new Grammar.Choice("no", "not really")));

    @Test
    void jsonIsAnArrayOfEveryPhraseWithUnknownLast() {
        assertThat(parseArray(YES_NO.json())).containsExactly("yes", "yes please", "no", "not really", "[unk]");
    }

    @Test
    void jsonKeepsPersianIntactAndEscapesQuotesAndBackslashes() {
        Grammar tricky = new Grammar("tricky", List.of(
                new Grammar.Choice("yes", "بله"),
                new Grammar.Choice("yes", "درسته"),
                new Grammar.Choice("quote", "say \"yes\""),
                new Grammar.Choice("slash", "back\\slash"),
                new Grammar.Choice("both", "\\\"")));

        String json = tricky.json();

        assertThat(parseArray(json)).containsExactly("بله", "درسته", "say \"yes\"", "back\\slash", "\\\"", "[unk]");
        // Persian goes to Vosk as the characters themselves, not \\u escapes its parser might not expect.
        assertThat(json).contains("بله");
    }

    @Test
    void aPhraseIsFoundAsWholeWordsAnywhereInWhatWasHeard() {
        assertThat(meaning(YES_NO, "yes")).contains("yes");
        assertThat(meaning(YES_NO, "  well no  ")).contains("no");
        assertThat(meaning(YES_NO, "uh not really I think")).contains("no");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ninety", "canine", "nineteen", "ninetynine", "nine's"})
    void aPhraseInsideAnotherWordIsNotFound(String heard) {
        Grammar nine = new Grammar("digits", List.of(new Grammar.Choice("9", "nine")));

        assertThat(nine.match(heard)).isEmpty();
        assertThat(nine.match("ninety nine").map(Grammar.Choice::meaning)).contains("9");
    }

    @Test
    void aPhraseMustBeHeardWholeNotInPart() {
        assertThat(meaning(YES_NO, "not")).isEmpty();
        assertThat(meaning(YES_NO, "really not")).isEmpty();
    }

    @Test
    void theLongestPhraseStartingAtAWordWinsOverItsBeginning() {
        Optional<Grammar.Choice> heard = YES_NO.match("yes please");

        assertThat(heard).contains(new Grammar.Choice("yes", "yes please"));
        assertThat(new Grammar("no-first", List.of(new Grammar.Choice("no", "no"),
                new Grammar.Choice("nothing", "no thank you"))).match("no thank you").map(Grammar.Choice::meaning))
                .as("whatever order the phrases are listed in").contains("nothing");
    }

    @Test
    void theEarliestPhraseWinsWhenSeveralAreHeard() {
        assertThat(meaning(YES_NO, "no yes")).contains("no");
        assertThat(meaning(YES_NO, "yes no")).contains("yes");
        // Earliest comes before longest: "not really" is longer but was said after "yes".
        assertThat(meaning(YES_NO, "yes not really")).contains("yes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "[unk]", "[unk] [unk]", "maybe"})
    void nothingIsMatchedInSilenceUnknownSpeechOrOtherWords(String heard) {
        assertThat(YES_NO.match(heard)).isEmpty();
    }

    @Test
    void unknownWordsAroundAPhraseDoNotHideIt() {
        assertThat(meaning(YES_NO, "[unk] yes [unk]")).contains("yes");
    }

    @Test
    void aGrammarWithoutWordsIsRefused() {
        assertThatThrownBy(() -> new Grammar("empty", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void theChoicesCannotBeChangedAfterwards() {
        List<Grammar.Choice> choices = new ArrayList<>(List.of(new Grammar.Choice("yes", "yes")));
        Grammar grammar = new Grammar("yes", choices);
        choices.add(new Grammar.Choice("no", "no"));

        assertThat(grammar.choices()).hasSize(1);
        assertThat(grammar.match("no")).isEmpty();
    }

    @Test
    void persianHasYesNoAndDigitsAndNeMeansNoOrNineByGrammar() {
        GrammarCatalogue persian = GrammarCatalogue.forLanguage("fa");

        assertThat(persian.language()).isEqualTo("fa");
        assertThat(meaning(persian.grammar("yes-no"), "نه")).contains("no");
        assertThat(meaning(persian.grammar("digits"), "نه")).contains("9");
        assertThat(meaning(persian.grammar("yes-no"), "آره")).contains("yes");
        assertThat(meaning(persian.grammar("yes-no"), "بله")).contains("yes");
        assertThat(meaning(persian.grammar("digits"), "یک")).contains("1");
        assertThat(meaning(persian.grammar("digits"), "شیش")).contains("6");
        assertThat(parseArray(persian.grammar("yes-no").json())).contains("بله", "نخیر").endsWith("[unk]");
    }

    @Test
    void englishHasTheSameGrammarsWithEnglishWords() {
        GrammarCatalogue english = GrammarCatalogue.forLanguage("en");

        assertThat(meaning(english.grammar("yes-no"), "yeah")).contains("yes");
        assertThat(meaning(english.grammar("yes-no"), "nope")).contains("no");
        assertThat(meaning(english.grammar("digits"), "oh")).contains("0");
        assertThat(meaning(english.grammar("digits"), "nine")).contains("9");
        assertThat(english.grammar("digits").choices()).extracting(Grammar.Choice::meaning)
                .containsOnly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void everyLanguageOnOfferHasACatalogue() {
        assertThat(GrammarCatalogue.languages()).containsExactlyInAnyOrder("fa", "en");
        for (String language : GrammarCatalogue.languages()) {
            GrammarCatalogue catalogue = GrammarCatalogue.forLanguage(language);
            assertThat(catalogue.grammar("yes-no").choices()).extracting(Grammar.Choice::meaning)
                    .containsOnly("yes", "no");
        }
    }

    @Test
    void anUnknownLanguageIsRefusedNamingTheLanguagesThereAre() {
        assertThatThrownBy(() -> GrammarCatalogue.forLanguage("de"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'de'").hasMessageContaining("fa").hasMessageContaining("en");
    }

    @Test
    void anUnknownGrammarIsRefusedNamingTheGrammarsThereAre() {
        GrammarCatalogue persian = GrammarCatalogue.forLanguage("fa");

        assertThatThrownBy(() -> persian.grammar("colours"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'colours'").hasMessageContaining("fa")
                .hasMessageContaining("yes-no").hasMessageContaining("digits");
    }

    private static Optional<String> meaning(Grammar grammar, String heard) {
        return grammar.match(heard).map(Grammar.Choice::meaning);
    }

    /** The strings of a JSON array; fails on anything else, including text after the array. */
    private static List<String> parseArray(String json) {
        List<String> strings = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                assertThat(token).isEqualTo(JsonToken.VALUE_STRING);
                strings.add(parser.getString());
            }
            assertThat(parser.nextToken()).as("nothing after the array").isNull();
        }
        return strings;
    }
}
