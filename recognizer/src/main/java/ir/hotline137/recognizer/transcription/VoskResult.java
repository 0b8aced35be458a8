package ir.hotline137.recognizer.transcription;

import java.util.Arrays;
import java.util.stream.Collectors;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Reads the words out of Vosk's JSON answers ({@code {"text": …}}, {@code {"partial": …}}). */
final class VoskResult {
    private static final JsonFactory JSON = new JsonFactory();

    private VoskResult() {
    }

    /** The words of a result or final result; "" when there are none. */
    static String text(String json) {
        return words(field(json, "text"));
    }

    /** The words recognised so far in the current segment. */
    static String partial(String json) {
        return words(field(json, "partial"));
    }

    private static String field(String json, String name) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                JsonToken value = parser.nextToken();
                if (name.equals(parser.currentName()) && value == JsonToken.VALUE_STRING) {
                    return parser.getString();
                }
                parser.skipChildren();
            }
            return "";
        }
    }

    /** Normalises spacing and drops "[unk]", which a model whose graph has it puts for a word it does not know. */
    private static String words(String text) {
        return Arrays.stream(text.strip().split("\\s+"))
                .filter(word -> !word.isEmpty() && !word.equals("[unk]"))
                .collect(Collectors.joining(" "));
    }
}
