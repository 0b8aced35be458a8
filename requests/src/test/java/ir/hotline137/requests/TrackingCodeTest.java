package ir.hotline137.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrackingCodeTest {
    private final SplittableRandom random = new SplittableRandom(137);

    @Test
    void freshCodesHaveEightDigitsAndAValidCheckDigit() {
        for (int i = 0; i < 1_000; i++) {
            TrackingCode code = TrackingCode.random(random);
            assertThat(code.value()).hasSize(8).doesNotStartWith("0");
            assertThat(TrackingCode.isValid(code.value())).isTrue();
        }
    }

    @Test
    void everySingleDigitErrorIsCaught() {
        for (int i = 0; i < 200; i++) {
            char[] digits = TrackingCode.random(random).value().toCharArray();
            for (int position = 0; position < digits.length; position++) {
                char original = digits[position];
                for (char wrong = '0'; wrong <= '9'; wrong++) {
                    if (wrong == original) {
                        continue;
                    }
                    digits[position] = wrong;
                    assertThat(TrackingCode.isValid(new String(digits))).as(new String(digits)).isFalse();
                }
                digits[position] = original;
            }
        }
    }

    @Test
    void everyAdjacentTranspositionIsCaught() {
        for (int i = 0; i < 500; i++) {
            String code = TrackingCode.random(random).value();
            for (int position = 0; position + 1 < code.length(); position++) {
                char[] swapped = code.toCharArray();
                if (swapped[position] == swapped[position + 1]) {
                    continue;
                }
                char keep = swapped[position];
                swapped[position] = swapped[position + 1];
                swapped[position + 1] = keep;
                assertThat(TrackingCode.isValid(new String(swapped))).as(new String(swapped)).isFalse();
            }
        }
    }

    @Test
    void persianDigitsSpacesAndDashesAreRead() {
        String code = TrackingCode.random(random).value();
        StringBuilder persian = new StringBuilder();
        for (char c : code.toCharArray()) {
            persian.append((char) ('۰' + (c - '0')));
        }
        persian.insert(4, ' ');
        assertThat(TrackingCode.parse(persian.toString()).value()).isEqualTo(code);
        assertThat(TrackingCode.parse(code.substring(0, 4) + "-" + code.substring(4)).value()).isEqualTo(code);
    }

    @Test
    void malformedCodesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> TrackingCode.parse("1234567")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("trackingCode").hasMessageContaining("8 digits");
        assertThatThrownBy(() -> TrackingCode.parse("12a45678")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("digits only");
        assertThatThrownBy(() -> TrackingCode.parse("")).isInstanceOf(InvalidRequestException.class);
        assertThat(TrackingCode.isValid(null)).isFalse();
    }
}
