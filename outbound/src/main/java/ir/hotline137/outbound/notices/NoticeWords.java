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

    public static String result(TrackingCode code, String result) {
        return "نتیجهٔ رسیدگی به درخواست " + digits(code) + ": " + result
                + " برای پاسخ یا اعتراض با ۱۳۷ تماس بگیرید.";
    }

    private static String digits(TrackingCode code) {
        return PersianDigits.toPersian(code.value());
    }
}
