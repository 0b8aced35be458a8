package ir.hotline137.outbound.notices;

import ir.hotline137.requests.HistoryWords;
import ir.hotline137.requests.PersianDigits;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.TrackingCode;

/** What each SMS says, in Persian, with Persian digits; short, since every 70 letters is another part. */
public final class NoticeWords {
    private NoticeWords() {
    }

    public static String registered(TrackingCode code) {
        return "درخواست شما در سامانهٔ ۱۳۷ ثبت شد. کد پیگیری: " + digits(code);
    }

    public static String joined(TrackingCode code) {
        return "گزارش شما به درخواست " + digits(code) + " در سامانهٔ ۱۳۷ پیوست. نتیجه را به شما خبر می‌دهیم.";
    }

    public static String referred(TrackingCode code, Referral referral) {
        return "درخواست " + digits(code) + " به «" + referral.unit() + "» ارجاع شد؛ مهلت رسیدگی: "
                + HistoryWords.jalali(referral.deadline());
    }

    /** Longer than this, a result is cut (about four SMS parts); the whole text is told on the phone at 137. */
    static final int RESULT_LENGTH = 240;

    public static String result(TrackingCode code, String result) {
        return "نتیجهٔ رسیدگی به درخواست " + digits(code) + ": " + shortened(result)
                + " برای پاسخ یا اعتراض با ۱۳۷ تماس بگیرید.";
    }

    /** A result as an SMS carries it: ending its sentence, and cut where too long for a few parts. */
    static String shortened(String result) {
        String text = result.strip();
        if (text.length() > RESULT_LENGTH) {
            return text.substring(0, RESULT_LENGTH).strip() + "… (متن کامل در ۱۳۷)";
        }
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("؟") ? text : text + ".";
    }

    private static String digits(TrackingCode code) {
        return PersianDigits.toPersian(code.value());
    }
}
