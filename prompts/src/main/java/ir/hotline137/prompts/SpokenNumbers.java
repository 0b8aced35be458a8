package ir.hotline137.prompts;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers as sequences of recorded pieces ({@code n-*}, {@code nth-*} and «و»), composed the Persian way:
 * «هزار و چهارصد و پنج», «بیست و یکم».
 */
public final class SpokenNumbers {
    /** The largest number {@link #cardinal} can say with the recorded pieces (there is no «میلیون»). */
    public static final int MAX_CARDINAL = 999_999;

    static final String AND = "and";

    private SpokenNumbers() {
    }

    /**
     * A tracking code, digit by digit: a caller copies digits down one at a time, and «چهار صفر پنج» is
     * harder to mishear than «چهارصد و پنج».
     *
     * @param digits ASCII, Persian (۰–۹) or Arabic-Indic (٠–٩) digits, at least one
     * @throws IllegalArgumentException for an empty text or anything but a digit
     */
    public static Utterance digits(String digits) {
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("no digits to say");
        }
        List<String> files = new ArrayList<>(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            files.add(piece(digitValue(digits, i)));
        }
        return new Utterance(files);
    }

    /**
     * A count, a queue position or a year, e.g. 1405 as «هزار و چهارصد و پنج». A thousand is «هزار», never
     * «یک هزار»; a multiple of a thousand names its multiplier without «و»: «دو هزار», «صد هزار».
     *
     * @param n 0 to {@value #MAX_CARDINAL}
     */
    public static Utterance cardinal(int n) {
        if (n < 0 || n > MAX_CARDINAL) {
            throw new IllegalArgumentException("can say whole numbers from 0 to " + MAX_CARDINAL + ", not " + n);
        }
        if (n == 0) {
            return Utterance.ofFiles(piece(0));
        }
        int thousands = n / 1000;
        int rest = n % 1000;
        List<List<String>> parts = new ArrayList<>();
        if (thousands == 1) {
            parts.add(List.of(piece(1000)));
        } else if (thousands > 1) {
            List<String> multiple = new ArrayList<>(joinedWithAnd(belowThousand(thousands)));
            multiple.add(piece(1000));
            parts.add(multiple);
        }
        parts.addAll(belowThousand(rest));
        return new Utterance(joinedWithAnd(parts));
    }

    /**
     * A day of the month, e.g. «بیست و یکم», «سی‌ام».
     *
     * @param n 1 to 31
     */
    public static Utterance ordinal(int n) {
        if (n < 1 || n > 31) {
            throw new IllegalArgumentException("can say days of the month from 1 to 31, not " + n);
        }
        if (n <= 20 || n == 30) {
            return Utterance.ofFiles("nth-" + n);
        }
        int tens = n / 10 * 10;
        return Utterance.ofFiles(piece(tens), AND, "nth-" + (n - tens));
    }

    /** The parts of 1–999 that «و» stands between: hundreds, tens, units; none for 0. */
    private static List<List<String>> belowThousand(int n) {
        List<List<String>> parts = new ArrayList<>(3);
        int hundreds = n / 100 * 100;
        int belowHundred = n % 100;
        if (hundreds > 0) {
            parts.add(List.of(piece(hundreds)));
        }
        // Up to twenty every number has a word of its own: «نوزده», not «ده و نه».
        if (belowHundred > 0 && belowHundred <= 20) {
            parts.add(List.of(piece(belowHundred)));
        } else if (belowHundred > 20) {
            parts.add(List.of(piece(belowHundred / 10 * 10)));
            if (belowHundred % 10 > 0) {
                parts.add(List.of(piece(belowHundred % 10)));
            }
        }
        return parts;
    }

    private static List<String> joinedWithAnd(List<List<String>> parts) {
        List<String> files = new ArrayList<>();
        for (List<String> part : parts) {
            if (!files.isEmpty()) {
                files.add(AND);
            }
            files.addAll(part);
        }
        return files;
    }

    private static String piece(int n) {
        return "n-" + n;
    }

    private static int digitValue(String digits, int index) {
        char c = digits.charAt(index);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return c - '\u06F0';
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return c - '\u0660';
        }
        throw new IllegalArgumentException("'" + c + "' at position " + (index + 1) + " of \"" + digits
                + "\" is not a digit");
    }
}
