package ir.hotline137.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request's history reads in Persian: every line the desk writes through a whole life (registered, joined,
 * referred, worked on, resolved, closed, merged), dates in the Jalali calendar and digits Persian; and lines kept
 * in English before that are shown in Persian too.
 */
class HistoryWordsTest {
    /** Latin letters or digits: none may be left in a line the system wrote (user names are the actor, not here). */
    private static final Pattern LATIN = Pattern.compile("[A-Za-z0-9]");

    @TempDir
    Path dir;

    @Test
    void everyLineOfARequestsLifeIsPersian() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"), ZoneId.of("Asia/Tehran"));
        try (Desks desks = new Desks(dir, clock)) {
            RequestDesk desk = desks.desk;
            CitizenRequest lamp = desk.register(NewRequest.fromCaller("09121234567", 6,
                    "چراغ برق کوچه سوخته و شب‌ها تاریک است", RequestSource.IVR_SPEECH));
            CitizenRequest again = desk.register(NewRequest.fromCaller("09127654321", 6,
                    "لامپ تیر برق کوچه خاموش است", RequestSource.AGENT));
            desk.join(lamp.code(), Optional.empty(), "maryam");
            desk.join(lamp.code(), Optional.of("09350000000"), "maryam");
            desk.markDuplicate(again.code(), lamp.code(), "maryam");
            desk.refer(lamp.code(), Optional.of("روشنایی منطقه"), Optional.empty(),
                    Optional.of(LocalDate.of(2026, 12, 12)), "maryam");
            desk.changeStatus(lamp.code(), RequestStatus.IN_PROGRESS, "maryam", Optional.empty());
            desk.changeStatus(lamp.code(), RequestStatus.RESOLVED, "maryam", Optional.of("لامپ عوض شد"));

            CitizenRequest done = desk.find(lamp.code()).orElseThrow();
            CitizenRequest merged = desk.find(again.code()).orElseThrow();
            assertThat(done.history()).hasSize(7);
            assertThat(done.history()).extracting(HistoryEntry::what).noneMatch(w -> LATIN.matcher(w).find());
            assertThat(merged.history()).extracting(HistoryEntry::what).noneMatch(w -> LATIN.matcher(w).find());
            assertThat(done.history()).extracting(HistoryEntry::what).contains(
                    "ثبت شد (سامانهٔ گویا)",
                    "پشتیبان تازه پیوست: شمارهٔ پنهان",
                    "پشتیبان تازه پیوست: ۰۹۳۵۰۰۰۰۰۰۰",
                    "ارجاع به روشنایی منطقه با مهلت ۱۴۰۵/۰۹/۲۱",
                    "وضعیت از «در حال انجام» به «انجام شد» رسید: لامپ عوض شد");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-03-21|۱۴۰۵/۰۱/۰۱",
        "2026-03-20|۱۴۰۴/۱۲/۲۹",
        "2026-12-12|۱۴۰۵/۰۹/۲۱",
        "2025-03-20|۱۴۰۳/۱۲/۳۰"})
    void datesAreJalaliWithPersianDigits(String gregorian, String jalali) {
        assertThat(HistoryWords.jalali(LocalDate.parse(gregorian))).isEqualTo(jalali);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "registered (ivr_speech)|ثبت شد (سامانهٔ گویا)",
        "registered (agent)|ثبت شد (اپراتور)",
        "supporter joined: number withheld|پشتیبان تازه پیوست: شمارهٔ پنهان",
        "supporter joined: 09121234567|پشتیبان تازه پیوست: ۰۹۱۲۱۲۳۴۵۶۷",
        "REFERRED → IN_PROGRESS|وضعیت از «ارجاع شده» به «در حال انجام» رسید",
        "IN_PROGRESS → RESOLVED: لامپ عوض شد|وضعیت از «در حال انجام» به «انجام شد» رسید: لامپ عوض شد",
        "referred to روشنایی (علی) by 2026-12-12|ارجاع به روشنایی (علی) با مهلت ۱۴۰۵/۰۹/۲۱",
        "referred to روشنایی by 2026-12-12|ارجاع به روشنایی با مهلت ۱۴۰۵/۰۹/۲۱",
        "duplicate of 12345678|تکراریِ درخواست ۱۲۳۴۵۶۷۸ است",
        "merged duplicate 12345678|درخواست تکراری ۱۲۳۴۵۶۷۸ در این درخواست ادغام شد",
        "callback requested: nobody answered within 5 min|درخواست تماس دوباره: کسی در ۵ دقیقه پاسخ نداد",
        "directive of the mayor in «برنامهٔ آذر»; the caller's topic: «پل»|دستور شهردار در برنامهٔ «برنامهٔ آذر»؛ موضوع تماس‌گیرنده: «پل»"})
    void linesKeptInEnglishAreShownInPersian(String stored, String shown) {
        assertThat(HistoryWords.shown(stored)).isEqualTo(shown);
    }

    @Test
    void onlyLinesFromBeforeHistoriesWerePersianAreReworded() {
        Instant before = HistoryWords.PERSIAN_SINCE.minusSeconds(1);
        Instant after = HistoryWords.PERSIAN_SINCE.plusSeconds(1);

        assertThat(HistoryWords.shown(new HistoryEntry(before, "maryam", "REFERRED → IN_PROGRESS")))
                .isEqualTo("وضعیت از «ارجاع شده» به «در حال انجام» رسید");
        assertThat(HistoryWords.shown(new HistoryEntry(after, "maryam", "REFERRED → IN_PROGRESS")))
                .as("a note typed to look like a system line is the note it is").isEqualTo("REFERRED → IN_PROGRESS");
    }

    @Test
    void linesPeopleWroteAreShownAsTheyWroteThem() {
        assertThat(HistoryWords.shown("registered by phone, see note")).isEqualTo("registered by phone, see note");
        assertThat(HistoryWords.shown("شهروند دوباره تماس گرفت")).isEqualTo("شهروند دوباره تماس گرفت");
        assertThat(HistoryWords.shown("FOO → BAR")).isEqualTo("FOO → BAR");
        assertThat(HistoryWords.shown("referred to x by 2026-13-45")).isEqualTo("referred to x by 2026-13-45");
    }
}
