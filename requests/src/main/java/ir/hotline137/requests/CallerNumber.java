package ir.hotline137.requests;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A caller's telephone number in one canonical form, so the same person is found whatever way the number
 * was written: +98 912…, 0098 912…, ۰۹۱۲… all become 0912…. Extensions (3+ digits) are accepted because
 * calls from inside the city's own exchange carry them.
 */
public record CallerNumber(String digits) {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern VALID = Pattern.compile("\\+?[0-9]{3,15}");

    public CallerNumber {
        Objects.requireNonNull(digits, "digits");
        if (!VALID.matcher(digits).matches()) {
            throw new InvalidRequestException("callerNumber", "'" + digits + "' is not a telephone number (3 to 15 digits)");
        }
    }

    public static CallerNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidRequestException("callerNumber", "is empty");
        }
        String s = SEPARATORS.matcher(PersianDigits.toAscii(raw.strip())).replaceAll("");
        if (s.startsWith("0098")) {
            s = "0" + s.substring(4);
        } else if (s.startsWith("+98")) {
            s = "0" + s.substring(3);
        }
        if (!VALID.matcher(s).matches()) {
            throw new InvalidRequestException("callerNumber", "'" + raw + "' is not a telephone number (3 to 15 digits)");
        }
        return new CallerNumber(s);
    }

    @Override
    public String toString() {
        return digits;
    }
}
