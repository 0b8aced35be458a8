package ir.hotline137.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Whatever numbers and dates the IVR says, every piece they are made of has a recording. */
class SpokenPiecesAreCataloguedTest {
    private final PromptCatalogue persian = PromptCatalogue.persian();

    @Test
    void everyPieceOfEveryNumberAndDateIsInTheCatalogue() {
        Set<String> pieces = new TreeSet<>();
        for (int n = 0; n <= 2000; n++) {
            pieces.addAll(SpokenNumbers.cardinal(n).files());
        }
        pieces.addAll(SpokenNumbers.cardinal(SpokenNumbers.MAX_CARDINAL).files());
        for (int day = 1; day <= 31; day++) {
            pieces.addAll(SpokenNumbers.ordinal(day).files());
        }
        for (int month = 1; month <= 12; month++) {
            pieces.addAll(SpokenDates.jalali(new JalaliDate(1405, month, 1)).files());
        }
        pieces.addAll(SpokenNumbers.digits("0123456789").files());

        assertThat(pieces).allSatisfy(
                piece -> assertThat(persian.contains(piece)).as("the catalogue has '%s'", piece).isTrue());
    }
}
