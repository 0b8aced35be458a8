package ir.hotline137.requests;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import ir.hotline137.requests.location.Location;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every line the system itself writes into a request's history, in Persian: the words an agent, a district
 * manager or a citizen reads. Dates are Jalali, digits Persian. Lines people write (notes, results) are kept as
 * they wrote them.
 *
 * <p>Histories kept before the lines were Persian hold English ones; {@link #shown(HistoryEntry)} words them in
 * Persian when they are read, so an old request reads like a new one without its stored history being rewritten.
 */
public final class HistoryWords {
    private static final ULocale PERSIAN = new ULocale("fa_IR@calendar=persian");

    private HistoryWords() {
    }

    public static String registered(RequestSource source) {
        return "ثبت شد (" + source(source) + ")";
    }

    public static String supporterJoined(Optional<CallerNumber> caller) {
        return "پشتیبان تازه پیوست: " + caller.map(c -> PersianDigits.toPersian(c.digits())).orElse("شمارهٔ پنهان");
    }

    public static String statusChanged(RequestStatus from, RequestStatus to, Optional<String> result) {
        return "وضعیت از «" + status(from) + "» به «" + status(to) + "» رسید" + result.map(r -> ": " + r).orElse("");
    }

    /** Labels, not ids: the history is read by people. */
    public static String recategorized(String fromLabel, String toLabel) {
        return "موضوع از «" + fromLabel + "» به «" + toLabel + "» تغییر کرد";
    }

    public static String referred(String unit, Optional<String> assignee, LocalDate deadline) {
        return "ارجاع به " + unit + assignee.map(a -> " (" + a + ")").orElse("") + " با مهلت " + jalali(deadline);
    }

    public static String sentBack(String unit, String reason) {
        return "واحد «" + unit + "» آن را به مرکز ۱۳۷ برگرداند: " + reason;
    }

    public static String satisfaction(Satisfaction answer) {
        String fixed = answer.fixed().map(f -> f ? "؛ مشکل برطرف شده است" : "؛ مشکل برطرف نشده است").orElse("");
        return "شهروند به نتیجه امتیاز " + PersianDigits.toPersian(Integer.toString(answer.score())) + " از ۵ داد"
                + fixed;
    }

    public static String reopened(String unit, Optional<String> words) {
        return "دوباره به «" + unit + "» رفت، چون شهروند گفت مشکل برطرف نشده است"
                + words.map(w -> ": " + w).orElse("");
    }

    private static final Pattern STATUS_CHANGED = Pattern.compile("^وضعیت از «[^»]+» به «([^»]+)» رسید.*", Pattern.DOTALL);

    /**
     * The status a request had once this line was written, for the lines that change it; empty for the others (a
     * note, a supporter, a satisfaction answer). Read from the line as shown, so lines kept from before histories
     * were Persian count too. How an outside system following updates is told each one's status.
     */
    public static Optional<RequestStatus> statusAfter(HistoryEntry entry) {
        String line = shown(entry);
        if (line.startsWith("ثبت شد (")) {
            return Optional.of(RequestStatus.REGISTERED);
        }
        if (isReferral(line)) {
            return Optional.of(RequestStatus.REFERRED);
        }
        Matcher changed = STATUS_CHANGED.matcher(line);
        if (changed.matches()) {
            for (RequestStatus status : RequestStatus.values()) {
                if (status(status).equals(changed.group(1))) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }
        if (line.startsWith("واحد «") && line.contains("» آن را به مرکز ۱۳۷ برگرداند")) {
            return Optional.of(RequestStatus.REGISTERED);
        }
        if (line.startsWith("دوباره به «")) {
            return Optional.of(RequestStatus.IN_PROGRESS);
        }
        if (line.startsWith("تکراریِ درخواست ")) {
            return Optional.of(RequestStatus.DUPLICATE);
        }
        return Optional.empty();
    }

    /** Whether a stored history line is a referral's, in today's words or the English ones kept before them. */
    public static boolean isReferral(String stored) {
        return stored.startsWith("ارجاع به ") || OLD_REFERRED.matcher(stored).matches();
    }

    public static String duplicateOf(TrackingCode of) {
        return duplicateOf(of.value());
    }

    public static String mergedDuplicate(TrackingCode duplicate) {
        return mergedDuplicate(duplicate.value());
    }

    private static String duplicateOf(String code) {
        return "تکراریِ درخواست " + PersianDigits.toPersian(code) + " است";
    }

    private static String mergedDuplicate(String code) {
        return "درخواست تکراری " + PersianDigits.toPersian(code) + " در این درخواست ادغام شد";
    }

    /** «نشانی ثبت شد: خیابان سعدی، کوچهٔ بهار؛ عرض ۳۲٫۶۵۰۰۰، طول ۵۱٫۷۵۰۰۰». */
    public static String located(Location at) {
        String point = at.point().map(p -> "عرض " + degrees(p.latitude()) + "، طول " + degrees(p.longitude()))
                .orElse("");
        String words = at.address().orElse("");
        return "نشانی ثبت شد: " + (words.isEmpty() ? point : point.isEmpty() ? words : words + "؛ " + point);
    }

    /** Degrees as Persian writes them: Persian digits and the Persian decimal separator. */
    private static String degrees(double value) {
        return PersianDigits.toPersian(String.format(Locale.ROOT, "%.5f", value)).replace('.', '٫');
    }

    public static String listened() {
        return "صدای ضبط‌شدهٔ شهروند شنیده شد";
    }

    /** The Persian name of a status, as every screen shows it. */
    public static String status(RequestStatus status) {
        return switch (status) {
            case REGISTERED -> "ثبت شده";
            case REFERRED -> "ارجاع شده";
            case IN_PROGRESS -> "در حال انجام";
            case RESOLVED -> "انجام شد";
            case REJECTED -> "رد شد";
            case CLOSED -> "بسته شد";
            case DUPLICATE -> "تکراری";
        };
    }

    public static String source(RequestSource source) {
        return switch (source) {
            case IVR_SPEECH -> "سامانهٔ گویا";
            case AGENT -> "اپراتور";
            case MAYOR_SESSION -> "گفت‌وگو با شهردار";
            case API -> "سامانهٔ دیگر";
            case MEETING -> "دیدار مردمی";
        };
    }

    /** 2026-12-12 → «۱۴۰۵/۰۹/۲۱». */
    public static String jalali(LocalDate day) {
        PersianCalendar calendar = new PersianCalendar(TimeZone.GMT_ZONE, PERSIAN);
        calendar.setTimeInMillis(day.toEpochDay() * 86_400_000L);
        return PersianDigits.toPersian("%04d/%02d/%02d".formatted(calendar.get(Calendar.YEAR), calendar.get(Calendar.MONTH) + 1,
                calendar.get(Calendar.DAY_OF_MONTH)));
    }

    private static final Pattern OLD_REGISTERED = Pattern.compile("registered \\((\\w+)\\)");
    private static final Pattern OLD_JOINED = Pattern.compile("supporter joined: (.+)");
    private static final Pattern OLD_STATUS = Pattern.compile("([A-Z_]+) → ([A-Z_]+)(?:: (.*))?", Pattern.DOTALL);
    private static final Pattern OLD_REFERRED = Pattern.compile(
            "referred to (.+?)(?: \\((.+)\\))? by (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern OLD_DUPLICATE_OF = Pattern.compile("duplicate of (\\d{8})");
    private static final Pattern OLD_MERGED = Pattern.compile("merged duplicate (\\d{8})");
    private static final Pattern OLD_CALLBACK = Pattern.compile("callback requested: nobody answered within (\\d+) (min|s)");
    private static final Pattern OLD_DIRECTIVE = Pattern.compile(
            "directive of the mayor in «(.*?)»(?:; the caller's topic: «(.*)»)?", Pattern.DOTALL);

    /** From this day on the system writes every line in Persian: a later line is shown as it was written. */
    static final Instant PERSIAN_SINCE = Instant.parse("2026-12-06T00:00:00Z");

    /**
     * A history line as it is shown: one written before histories were Persian, in Persian; anything later as it
     * was written, so that a note someone typed to look like a system line ("REGISTERED → RESOLVED") is shown as
     * the note it is.
     */
    public static String shown(HistoryEntry entry) {
        return entry.at().isBefore(PERSIAN_SINCE) ? shown(entry.what()) : entry.what();
    }

    /**
     * A stored line as it is shown: the English lines written before histories were Persian, in Persian; every
     * other line as it is. Never fails: a line that only looks like an old one is shown as it was stored.
     */
    public static String shown(String stored) {
        try {
            return persianOf(stored);
        } catch (DateTimeException notADate) {
            return stored;
        }
    }

    private static String persianOf(String stored) {
        Matcher m;
        if ((m = OLD_REGISTERED.matcher(stored)).matches()) {
            return enumValue(RequestSource.class, m.group(1)).map(HistoryWords::registered).orElse(stored);
        }
        if ((m = OLD_JOINED.matcher(stored)).matches()) {
            return m.group(1).equals("number withheld") ? supporterJoined(Optional.empty())
                    : "پشتیبان تازه پیوست: " + PersianDigits.toPersian(m.group(1));
        }
        if ((m = OLD_STATUS.matcher(stored)).matches()) {
            Optional<RequestStatus> from = enumValue(RequestStatus.class, m.group(1));
            Optional<RequestStatus> to = enumValue(RequestStatus.class, m.group(2));
            if (from.isPresent() && to.isPresent()) {
                return statusChanged(from.get(), to.get(), Optional.ofNullable(m.group(3)));
            }
            return stored;
        }
        if ((m = OLD_REFERRED.matcher(stored)).matches()) {
            return referred(m.group(1), Optional.ofNullable(m.group(2)), LocalDate.parse(m.group(3)));
        }
        if ((m = OLD_DUPLICATE_OF.matcher(stored)).matches()) {
            return duplicateOf(m.group(1));
        }
        if ((m = OLD_MERGED.matcher(stored)).matches()) {
            return mergedDuplicate(m.group(1));
        }
        if (stored.equals("caller hung up before confirmation")) {
            return "تماس‌گیرنده پیش از شنیدن کد رهگیری قطع کرد؛ درخواست با این حال ثبت شد";
        }
        if ((m = OLD_CALLBACK.matcher(stored)).matches()) {
            return "درخواست تماس دوباره: کسی در " + PersianDigits.toPersian(m.group(1))
                    + (m.group(2).equals("min") ? " دقیقه" : " ثانیه") + " پاسخ نداد";
        }
        if ((m = OLD_DIRECTIVE.matcher(stored)).matches()) {
            return "دستور شهردار در برنامهٔ «" + m.group(1) + "»"
                    + Optional.ofNullable(m.group(2)).map(t -> "؛ موضوع تماس‌گیرنده: «" + t + "»").orElse("");
        }
        return stored;
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name.toUpperCase()));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
