package ir.hotline137.recognizer.grammar;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The few words a short answer may be, e.g. yes or no, or a digit: a recognizer limited to them hears far
 * better than one listening for any word. Each word carries its meaning, so "آره" and "بله" both mean yes.
 *
 * @param name    e.g. {@code yes-no}
 * @param choices every word or phrase with what it means, in the caller's language
 */
public record Grammar(String name, List<Choice> choices) {

    /** What Vosk answers for speech that is none of the words; it is never handed on. */
    static final String UNKNOWN = "[unk]";
    private static final JsonFactory JSON = new JsonFactory();

    /** One word or phrase and what it means, e.g. {@code yes} ← "آره". */
    public record Choice(String meaning, String phrase) {
    }

    public Grammar {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("grammar " + name + " has no words");
        }
        choices = List.copyOf(choices);
    }

    /**
     * The phrases as Vosk takes a grammar: a JSON array, with "[unk]" so that other speech is heard as
     * unknown instead of being forced onto the nearest word.
     */
    public String json() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartArray();
            for (Choice choice : choices) {
                json.writeString(choice.phrase());
            }
            json.writeString(UNKNOWN);
            json.writeEndArray();
        }
        return out.toString();
    }

    /**
     * The choice heard in a recognizer's text: the phrase found earliest, as whole words; of phrases that begin
     * at the same word, the longest ("twenty two" over "twenty"). Empty when the text holds none.
     */
    public Optional<Choice> match(String heard) {
        List<String> words = List.of(heard.strip().split("\\s+"));
        List<Choice> longestFirst = new ArrayList<>(choices);
        longestFirst.sort(Comparator.comparingInt((Choice c) -> c.phrase().length()).reversed());
        Choice best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Choice choice : longestFirst) {
            int at = indexOf(words, List.of(choice.phrase().split("\\s+")));
            if (at >= 0 && at < bestAt) {
                best = choice;
                bestAt = at;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int indexOf(List<String> words, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                return i;
            }
        }
        return -1;
    }
}
