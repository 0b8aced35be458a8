package ir.hotline137.prompts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What to play, in order: sound file names from the prompt catalogue, without folder or extension. The IVR
 * hands them to Asterisk one after another, so that fixed sentences, numbers and dates are joined from
 * recordings rather than synthesised during a call.
 *
 * @param files catalogue names, none blank; copied, so the utterance cannot change afterwards
 */
public record Utterance(List<String> files) {
    private static final Utterance EMPTY = new Utterance(List.of());

    public Utterance {
        files = List.copyOf(files);
        for (String file : files) {
            if (file.isBlank()) {
                throw new IllegalArgumentException("an utterance holds a blank file name: " + files);
            }
        }
    }

    /** Nothing to play. */
    public static Utterance empty() {
        return EMPTY;
    }

    public static Utterance of(Prompt... prompts) {
        return new Utterance(Arrays.stream(prompts).map(Prompt::fileName).toList());
    }

    public static Utterance ofFiles(String... names) {
        return new Utterance(Arrays.asList(names));
    }

    /** This utterance followed by one more prompt. */
    public Utterance then(Prompt prompt) {
        return then(of(prompt));
    }

    /** This utterance followed by another. */
    public Utterance then(Utterance other) {
        Objects.requireNonNull(other, "other");
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<String> joined = new ArrayList<>(files.size() + other.files.size());
        joined.addAll(files);
        joined.addAll(other.files);
        return new Utterance(joined);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
