package ir.hotline137.recognizer.grammar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grammars of one language, read from {@code <language>.txt} next to this class: the only place
 * where the words of short answers differ between languages, so Persian and English deployments differ in
 * configuration alone.
 *
 * <p>Each line is {@code grammar.meaning: phrase, phrase}; {@code #} starts a comment.
 */
public final class GrammarCatalogue {
    private final String language;
    private final Map<String, Grammar> grammars;

    private GrammarCatalogue(String language, Map<String, Grammar> grammars) {
        this.language = language;
        this.grammars = grammars;
    }

    /** The languages with a catalogue; {@code hotline.recognizer.language} must be one of them. */
    public static Set<String> languages() {
        return Set.of("fa", "en");
    }

    /** @throws IllegalArgumentException for a language without a catalogue, naming those there are */
    public static GrammarCatalogue forLanguage(String language) {
        if (!languages().contains(language)) {
            throw new IllegalArgumentException("no grammar words for language '" + language + "'; there are "
                    + languages());
        }
        try (InputStream in = GrammarCatalogue.class.getResourceAsStream(language + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("grammar/" + language + ".txt is missing from the jar");
            }
            return new GrammarCatalogue(language, parse(language,
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String language() {
        return language;
    }

    /** @throws IllegalArgumentException naming the grammars there are, when there is no such one */
    public Grammar grammar(String name) {
        Grammar grammar = grammars.get(name);
        if (grammar == null) {
            throw new IllegalArgumentException("no grammar '" + name + "' for " + language + "; there are "
                    + grammars.keySet());
        }
        return grammar;
    }

    private static Map<String, Grammar> parse(String language, List<String> lines) {
        Map<String, List<Grammar.Choice>> choices = new LinkedHashMap<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            int dot = line.indexOf('.');
            if (colon < 0 || dot < 0 || dot > colon) {
                throw new IllegalStateException("grammar/" + language + ".txt line " + number
                        + ": expected 'grammar.meaning: phrase, phrase' but found '" + line + "'");
            }
            String grammar = line.substring(0, dot).strip();
            String meaning = line.substring(dot + 1, colon).strip();
            for (String phrase : line.substring(colon + 1).split(",")) {
                if (!phrase.isBlank()) {
                    choices.computeIfAbsent(grammar, g -> new ArrayList<>())
                            .add(new Grammar.Choice(meaning, phrase.strip()));
                }
            }
        }
        Map<String, Grammar> grammars = new LinkedHashMap<>();
        choices.forEach((name, list) -> grammars.put(name, new Grammar(name, list)));
        return Map.copyOf(grammars);
    }
}
