package ir.hotline137.prompts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The prompts of one language: each prompt's name (which is also its sound file's name) and the words it says.
 *
 * <p>The catalogue is a plain text file so that the people who write and record prompts can edit it without
 * the developers: one {@code name: words} a line, {@code #} lines are notes, blank lines are ignored. The name
 * ends at the first colon, so the words may contain colons of their own.
 */
public final class PromptCatalogue {
    /** Where Maven packages {@code prompts/catalogue/fa.txt}. */
    static final String PERSIAN_RESOURCE = "/ir/hotline137/prompts/catalogue/fa.txt";

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    /**
     * The results an agent may choose from a fixed list, so that the caller can hear them as recorded prompts
     * rather than as free text nobody can speak. {@code result-is} and {@code result-written} frame a result and
     * are not results themselves.
     */
    private static final List<String> STANDARD_RESULTS = List.of(
            "result-repaired", "result-collected", "result-removed",
            "result-warned", "result-scheduled", "result-not-municipal");

    /** ZWNJ, the bidi marks and no-break spaces: what keyboards and speech output scatter between words. */
    private static final Pattern LOOSE_SPACE = Pattern.compile("[\\s\\u00A0\\u200B-\\u200F\\u2007\\u202F]+");

    private final String language;
    private final Map<String, String> words;

    private PromptCatalogue(String language, Map<String, String> words) {
        this.language = language;
        this.words = Collections.unmodifiableMap(words);
    }

    /** The Persian catalogue the phone menus use, read from the classpath. */
    public static PromptCatalogue persian() {
        InputStream in = PromptCatalogue.class.getResourceAsStream(PERSIAN_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the Persian prompt catalogue " + PERSIAN_RESOURCE
                    + " is not on the classpath; is the prompts jar built with its resources?");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read("fa", reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PERSIAN_RESOURCE, e);
        }
    }

    /**
     * Reads a catalogue. The reader is read to its end but not closed.
     *
     * @param language the language's code, used in error messages
     * @throws CatalogueFormatException naming the line of the first mistake
     */
    public static PromptCatalogue read(String language, Reader reader) {
        Objects.requireNonNull(language, "language");
        BufferedReader lines = new BufferedReader(reader);
        Map<String, String> words = new LinkedHashMap<>();
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        try {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    // Windows editors save UTF-8 with a byte-order mark; it is not part of the first name.
                    line = line.substring(1);
                }
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                int colon = text.indexOf(':');
                if (colon < 0) {
                    throw new CatalogueFormatException(language, number,
                            "expected 'name: words' but there is no ':' in \"" + text + "\"");
                }
                String name = text.substring(0, colon).strip();
                String said = text.substring(colon + 1).strip();
                if (!NAME.matcher(name).matches()) {
                    throw new CatalogueFormatException(language, number, "the name \"" + name
                            + "\" may hold only lower-case latin letters, digits and '-'");
                }
                if (said.isEmpty()) {
                    throw new CatalogueFormatException(language, number, "the prompt '" + name + "' has no words");
                }
                Integer earlier = firstSeen.putIfAbsent(name, number);
                if (earlier != null) {
                    throw new CatalogueFormatException(language, number,
                            "the name '" + name + "' is already used on line " + earlier);
                }
                words.put(name, said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prompt catalogue '" + language + "'", e);
        }
        return new PromptCatalogue(language, words);
    }

    /** The language code this catalogue was read as, e.g. {@code fa}. */
    public String language() {
        return language;
    }

    /** Every prompt name, in the order of the file. */
    public Set<String> names() {
        return words.keySet();
    }

    public boolean contains(String name) {
        return words.containsKey(name);
    }

    /**
     * The words of a prompt, as written in the catalogue.
     *
     * @throws IllegalArgumentException if the catalogue has no such prompt
     */
    public String words(String name) {
        String said = words.get(name);
        if (said == null) {
            throw new IllegalArgumentException("the prompt catalogue '" + language + "' has no prompt '" + name + "'");
        }
        return said;
    }

    /**
     * The standard result prompt whose words a request's result repeats, so that the caller hears a recording
     * instead of being sent to an agent. The comparison forgives what differs between typed and catalogue text:
     * Arabic ي and ك, ZWNJ, spaces (so جمع‌آوری, جمع آوری and جمعآوری are one word), and a final period.
     *
     * @return the prompt's name, or empty if the text is not one of the standard results
     */
    public Optional<String> standardResult(String resultText) {
        if (resultText == null || resultText.isBlank()) {
            return Optional.empty();
        }
        String wanted = looseForm(resultText);
        return STANDARD_RESULTS.stream()
                .filter(words::containsKey)
                .filter(name -> looseForm(words.get(name)).equals(wanted))
                .findFirst();
    }

    /**
     * The words of every standard result, in the catalogue's order: what a unit chooses from, so that the citizen
     * hears the result in a recorded voice.
     */
    public List<String> standardResultWords() {
        return STANDARD_RESULTS.stream().filter(words::containsKey).map(words::get).toList();
    }

    /**
     * Folds text for the standard-result comparison. ZWNJ and spaces are dropped altogether, not just made equal
     * to each other: a result typed as «جمعآوری» must still match «جمع‌آوری». Among six whole sentences that
     * differ in their words, ignoring where the gaps fall cannot make two of them equal.
     */
    static String looseForm(String text) {
        String folded = text.strip()
                .replace('\u064A', '\u06CC')
                .replace('\u0643', '\u06A9');
        while (folded.endsWith(".")) {
            folded = folded.substring(0, folded.length() - 1).strip();
        }
        return LOOSE_SPACE.matcher(folded).replaceAll("");
    }

    @Override
    public String toString() {
        return "PromptCatalogue[" + language + ", " + words.size() + " prompts]";
    }
}
