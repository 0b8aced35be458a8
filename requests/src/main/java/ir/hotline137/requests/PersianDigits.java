package ir.hotline137.requests;

/**
 * Folds Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII, so that what a keypad, an agent's keyboard or
 * a speech recogniser produced compares equal.
 */
public final class PersianDigits {
    private PersianDigits() {
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
