package ir.hotline137.testsupport.asterisk;

import java.util.ArrayList;
import java.util.List;

/**
 * One command line as res_agi splits it into words: blanks separate words outside double quotes, a backslash
 * makes the next character literal, and an empty pair of quotes is an empty word.
 *
 * @param line the line exactly as received, without its line break
 * @param words the words after unquoting; the command name is the first one or two of them
 */
record AgiCommand(String line, List<String> words) {

    AgiCommand {
        words = List.copyOf(words);
    }

    /** Splits a line the way Asterisk's {@code parse_args} does, so quoting bugs in the server show up here too. */
    static AgiCommand parse(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && !escaped) {
                quoted = !quoted;
                // An opening quote after blanks starts a word even if nothing follows, hence "" is a word.
                if (quoted && word == null) {
                    word = new StringBuilder();
                }
            } else if ((c == ' ' || c == '\t') && !quoted && !escaped) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '\\' && !escaped) {
                escaped = true;
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                word.append(c);
                escaped = false;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return new AgiCommand(line, words);
    }

    /** The number of words, as res_agi's handlers count {@code argc}. */
    int argc() {
        return words.size();
    }

    /** The word at {@code index}, or {@code fallback} when the command is shorter. */
    String word(int index, String fallback) {
        return index < words.size() ? words.get(index) : fallback;
    }

    /** Whether the command starts with these words; command names are matched case-blind, as res_agi does. */
    boolean is(String... name) {
        if (words.size() < name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (!words.get(i).equalsIgnoreCase(name[i])) {
                return false;
            }
        }
        return true;
    }

    /** A whole-number word, or {@code fallback} when it is missing; {@code null} when present but not a number. */
    Integer number(int index, int fallback) {
        if (index >= words.size()) {
            return fallback;
        }
        try {
            return Integer.parseInt(words.get(index).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether a command line starts with {@code prefix}, either as sent or with its words unquoted and single-spaced:
     * Asterisk-Java quotes every argument ({@code EXEC "Dial" "PJSIP/101"}), and a test should not have to care.
     */
    static boolean startsWith(String line, String prefix) {
        return line.startsWith(prefix) || String.join(" ", parse(line).words()).startsWith(prefix);
    }
}
