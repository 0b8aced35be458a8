package ir.hotline137.requests;

/**
 * Folds Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII, so that what a keypad, an agent's keyboard or
 * a speech recogniser produced compares equal; and writes Latin digits as Persian ones for what people read.
 */
public final class PersianDigits {
    private PersianDigits() {
    }

    /** Latin digits as Persian ones: «۱۴۰۵/۰۹/۲۱», not 1405/09/21. */
    public static String toPersian(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c);
        }
        return out.toString();
    }

    public static String toAscii(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + (c - '\u06F0')));
            } else if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + (c - '\u0660')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
