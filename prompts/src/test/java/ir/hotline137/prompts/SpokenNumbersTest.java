package ir.hotline137.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpokenNumbersTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0       | n-0
            7       | n-7
            10      | n-10
            19      | n-19
            20      | n-20
            21      | n-20 and n-1
            99      | n-90 and n-9
            100     | n-100
            101     | n-100 and n-1
            105     | n-100 and n-5
            340     | n-300 and n-40
            999     | n-900 and n-90 and n-9
            1000    | n-1000
            1001    | n-1000 and n-1
            1405    | n-1000 and n-400 and n-5
            2000    | n-2 n-1000
            2020    | n-2 n-1000 and n-20
            12345   | n-12 n-1000 and n-300 and n-40 and n-5
            21000   | n-20 and n-1 n-1000
            100000  | n-100 n-1000
            121005  | n-100 and n-20 and n-1 n-1000 and n-5
            999999  | n-900 and n-90 and n-9 n-1000 and n-900 and n-90 and n-9
            """)
    void cardinalsAreComposedThePersianWay(int n, String files) {
        assertThat(SpokenNumbers.cardinal(n).files()).containsExactly(files.split(" "));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1_000_000, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void cardinalsOutsideTheRecordedPiecesAreRefused(int n) {
        assertThatThrownBy(() -> SpokenNumbers.cardinal(n))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(n));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1  | nth-1
            2  | nth-2
            20 | nth-20
            21 | n-20 and nth-1
            29 | n-20 and nth-9
            30 | nth-30
            31 | n-30 and nth-1
            """)
    void daysOfTheMonthAreOrdinals(int n, String files) {
        assertThat(SpokenNumbers.ordinal(n).files()).containsExactly(files.split(" "));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 32, -1})
    void ordinalsOutsideAMonthAreRefused(int n) {
        assertThatThrownBy(() -> SpokenNumbers.ordinal(n)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trackingCodesAreSaidDigitByDigit() {
        assertThat(SpokenNumbers.digits("4052718").files())
                .containsExactly("n-4", "n-0", "n-5", "n-2", "n-7", "n-1", "n-8");
        assertThat(SpokenNumbers.digits("0").files()).containsExactly("n-0");
    }

    @Test
    void persianAndArabicIndicDigitsAreSaidAlike() {
        assertThat(SpokenNumbers.digits("۴۰۵۲۷۱۸")).isEqualTo(SpokenNumbers.digits("4052718"));
        assertThat(SpokenNumbers.digits("٤٠٥٢٧١٨")).isEqualTo(SpokenNumbers.digits("4052718"));
        assertThat(SpokenNumbers.digits("۱2٣").files()).containsExactly("n-1", "n-2", "n-3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "40-52", "4052 718", "12a", "۱۲.۳", "١٢x"})
    void anythingButDigitsIsRefused(String text) {
        assertThatThrownBy(() -> SpokenNumbers.digits(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
