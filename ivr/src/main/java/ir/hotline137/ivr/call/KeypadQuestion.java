package ir.hotline137.ivr.call;

import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.Utterance;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every question a caller answers on the keypad, asked the one way: ask, check the answer, and if it is wrong
 * or missing say so ("that is not a choice", "we heard nothing", or what the check found) and ask again; after
 * the last try give up, and the flow hands the caller to a person or takes its default. Each try leaves a step
 * on the call's path ({@code "menu:9"}, {@code "district:none"}, {@code "code:unknown"}), which is how a
 * supervisor sees where callers stumble.
 *
 * @param tries how often a caller is asked before the question gives up
 */
public record KeypadQuestion(int tries) {

    public KeypadQuestion {
        if (tries < 1) {
            throw new IllegalArgumentException("a question is asked at least once, not " + tries + " times");
        }
    }

    /** What a check made of a typed number. */
    public sealed interface Typed<T> {
        /** The path's step after the question's name, e.g. {@code "7"} or {@code "found"}. */
        String step();
    }

    /** An answer the flow goes on with. */
    public record Accepted<T>(T value, String step) implements Typed<T> {
    }

    /** An answer that cannot be: the caller hears {@code why}, then the question again. */
    public record Refused<T>(Prompt why, String step) implements Typed<T> {
    }

    /**
     * One key, the question playing until it is pressed (barge-in).
     *
     * @param name     the step's name on the call's path
     * @param first    what is said the first time (a welcome, a reason, then the question)
     * @param question the question alone, as asked again after a word about the wrong or missing key; asked anew
     *                 each time, since what is offered may change meanwhile
     * @param meaning  what a key means, empty for a key that is no choice here
     * @return the answer, or empty when none came in every try
     */
    public <T> Optional<T> askKey(Phone phone, ActiveCall call, String name, Utterance first,
                                  Supplier<Utterance> question, Function<Character, Optional<T>> meaning) {
        Utterance prompt = first;
        for (int attempt = 1; attempt <= tries; attempt++) {
            Optional<Character> key = phone.askKey(prompt);
            call.step(name + ":" + key.map(String::valueOf).orElse("none"));
            Optional<T> answer = key.flatMap(meaning);
            if (answer.isPresent()) {
                return answer;
            }
            prompt = Utterance.of(key.isPresent() ? Prompt.INVALID_CHOICE : Prompt.NO_INPUT).then(question.get());
        }
        return Optional.empty();
    }

    /**
     * A number typed and ended with # (or by reaching {@code maxDigits}).
     *
     * @param name  the step's name on the call's path
     * @param check what the typed digits are; never called for nothing typed, which is met with "we heard nothing"
     * @return the answer, or empty when no acceptable number came in every try
     */
    public <T> Optional<T> askNumber(Phone phone, ActiveCall call, String name, Utterance question, int maxDigits,
                                     Function<String, Typed<T>> check) {
        Utterance prompt = question;
        for (int attempt = 1; attempt <= tries; attempt++) {
            String typed = phone.askDigits(prompt, maxDigits);
            if (typed.isEmpty()) {
                call.step(name + ":none");
                prompt = Utterance.of(Prompt.NO_INPUT).then(question);
                continue;
            }
            Typed<T> answer = check.apply(typed);
            call.step(name + ":" + answer.step());
            switch (answer) {
                case Accepted<T> accepted -> {
                    return Optional.of(accepted.value());
                }
                case Refused<T> refused -> prompt = Utterance.of(refused.why()).then(question);
            }
        }
        return Optional.empty();
    }
}
