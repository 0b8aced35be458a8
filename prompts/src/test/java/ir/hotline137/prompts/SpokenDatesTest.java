package ir.hotline137.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpokenDatesTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    @Test
    void aDateIsSaidAsDayMonthAndYear() {
        Instant morning = LocalDate.of(2026, 11, 21).atTime(10, 0).atZone(TEHRAN).toInstant();

        assertThat(SpokenDates.jalali(morning, TEHRAN).files())
                .containsExactly("nth-30", "month-8", "n-1000", "and", "n-400", "and", "n-5");
    }

    @Test
    void aDayAfterTheTwentiethHasItsOrdinalInTwoParts() {
        assertThat(SpokenDates.jalali(new JalaliDate(1404, 12, 29)).files())
                .containsExactly("n-20", "and", "nth-9", "month-12", "n-1000", "and", "n-400", "and", "n-4");
        assertThat(SpokenDates.jalali(new JalaliDate(1405, 1, 31)).files())
                .containsExactly("n-30", "and", "nth-1", "month-1", "n-1000", "and", "n-400", "and", "n-5");
    }

    @ParameterizedTest(name = "{0} = {1}/{2}/{3}")
    @CsvSource(textBlock = """
            2026-03-21, 1405,  1,  1
            2026-03-20, 1404, 12, 29
            2026-11-21, 1405,  8, 30
            2026-11-22, 1405,  9,  1
            2025-03-20, 1403, 12, 30
            2025-03-21, 1404,  1,  1
            2026-09-22, 1405,  6, 31
            2026-09-23, 1405,  7,  1
            """)
    void gregorianDaysConvertToJalaliDays(LocalDate gregorian, int year, int month, int day) {
        assertThat(JalaliDate.of(gregorian)).isEqualTo(new JalaliDate(year, month, day));
    }

    @Test
    void theDayChangesAtMidnightInTehranNotInGreenwich() {
        Instant lateEvening = Instant.parse("2026-11-21T20:00:00Z");
        Instant afterMidnight = Instant.parse("2026-11-21T21:00:00Z");

        assertThat(JalaliDate.of(lateEvening, TEHRAN)).isEqualTo(new JalaliDate(1405, 8, 30));
        assertThat(JalaliDate.of(afterMidnight, TEHRAN)).isEqualTo(new JalaliDate(1405, 9, 1));
        assertThat(JalaliDate.of(afterMidnight, ZoneOffset.UTC)).isEqualTo(new JalaliDate(1405, 8, 30));
        assertThat(SpokenDates.jalali(afterMidnight, TEHRAN).files())
                .containsExactly("nth-1", "month-9", "n-1000", "and", "n-400", "and", "n-5");
    }

    @Test
    void aZoneGivenAsAnOffsetWorksToo() {
        Instant afterMidnight = Instant.parse("2026-11-21T21:00:00Z");

        assertThat(JalaliDate.of(afterMidnight, ZoneOffset.ofHoursMinutes(3, 30)))
                .isEqualTo(new JalaliDate(1405, 9, 1));
    }
}
