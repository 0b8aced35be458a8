package ir.hotline137.console.units;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.PersianDigits;
import ir.hotline137.requests.Supporter;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeping citizens' numbers from a unit: the request's own numbers (the caller's and every supporter's) wherever they
 * stand in its text, in Latin, Persian or Arabic digits and with the country code; and, as a net for numbers a citizen
 * dictated that the request does not know, any run of nine digits or more (a mobile number has eleven), spaces and
 * dashes allowed between them. An eight-digit landline the request does not know is not caught: a tracking code has
 * eight digits too, and a unit reads those in its history.
 */
public final class CitizenNumbers {
    /** What a number is shown as instead. */
    public static final String HIDDEN = "شمارهٔ پنهان";
    private static final Pattern LONG_DIGITS = Pattern.compile("[+]?[0-9۰-۹٠-٩](?:[ \\-]?[0-9۰-۹٠-٩]){8,}");

    private CitizenNumbers() {
    }

    /** Every number the request knows for its citizens. */
    public static Set<String> of(CitizenRequest request) {
        Set<String> numbers = new LinkedHashSet<>();
        request.callerNumber().map(CallerNumber::digits).ifPresent(numbers::add);
        for (Supporter supporter : request.supporters()) {
            supporter.callerNumber().map(CallerNumber::digits).ifPresent(numbers::add);
        }
        return numbers;
    }

    /** The text with every citizen's number in it hidden. */
    public static String hide(String text, Set<String> numbers) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String hidden = text;
        for (String number : numbers) {
            for (String form : forms(number)) {
                hidden = hidden.replace(form, HIDDEN);
            }
        }
        return LONG_DIGITS.matcher(hidden).replaceAll(HIDDEN);
    }

    private static Set<String> forms(String digits) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(digits);
        if (digits.startsWith("0")) {
            forms.add("98" + digits.substring(1));
            forms.add("+98" + digits.substring(1));
        }
        for (String form : Set.copyOf(forms)) {
            forms.add(PersianDigits.toPersian(form));
            forms.add(arabicIndic(form));
        }
        return forms;
    }

    private static String arabicIndic(String latin) {
        StringBuilder out = new StringBuilder(latin.length());
        for (char c : latin.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('٠' + (c - '0')) : c);
        }
        return out.toString();
    }
}
