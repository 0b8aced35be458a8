package ir.hotline137.requests;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The 8-digit code a caller writes down: seven digits and a Damm check digit. Damm catches every
 * single-digit error and every swap of two adjacent digits, so a mistyped code is refused on the keypad
 * before any look-up, and a caller is never told the status of somebody else's request.
 */
public record TrackingCode(String value) implements Comparable<TrackingCode> {
    public static final int LENGTH = 8;

    /** A totally anti-symmetric quasigroup of order 10; row = interim digit, column = next digit. */
    private static final int[][] DAMM = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
    };

    public TrackingCode {
        Objects.requireNonNull(value, "value");
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidRequestException("trackingCode", problem);
        }
    }

    /** Reads a code as typed or spoken: Persian digits, spaces and dashes are accepted. */
    public static TrackingCode parse(String raw) {
        if (raw == null) {
            throw new InvalidRequestException("trackingCode", "is empty");
        }
        return new TrackingCode(normalize(raw));
    }

    /** True when the text is a well-formed code with a correct check digit; never throws. */
    public static boolean isValid(String raw) {
        return raw != null && problemWith(normalize(raw)) == null;
    }

    /** A fresh random code; uniqueness is the store's job. The first digit is never 0 so no tool drops it. */
    public static TrackingCode random(RandomGenerator random) {
        String body = Integer.toString(1_000_000 + random.nextInt(9_000_000));
        return new TrackingCode(body + checkDigit(body));
    }

    public static int checkDigit(CharSequence digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }

    private static String normalize(String raw) {
        return PersianDigits.toAscii(raw).replaceAll("[\\s\\-]", "");
    }

    private static String problemWith(String digits) {
        if (digits.isEmpty()) {
            return "is empty";
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "'" + digits + "' must contain digits only";
        }
        if (digits.length() != LENGTH) {
            return "must have " + LENGTH + " digits, has " + digits.length();
        }
        if (checkDigit(digits) != 0) {
            return "'" + digits + "' has a wrong check digit (mistyped?)";
        }
        return null;
    }

    @Override
    public int compareTo(TrackingCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
