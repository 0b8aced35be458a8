package ir.hotline137.ivr.intake;

import ir.hotline137.ivr.call.ActiveCall;
import ir.hotline137.ivr.call.KeypadQuestion;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.Utterance;
import java.util.Optional;
import java.util.Set;

/**
 * "Which district?" on the keypad: a number from the configured districts, ended with #. A number that is
 * not a district, or none, is met with a word about it and the question again.
 */
public final class DistrictQuestion {
    private final Set<Integer> districts;
    private final int maxDigits;
    private final KeypadQuestion question;

    public DistrictQuestion(Set<Integer> districts, int tries) {
        this.districts = Set.copyOf(districts);
        this.maxDigits = String.valueOf(districts.stream().mapToInt(Integer::intValue).max().orElse(9)).length();
        this.question = new KeypadQuestion(tries);
    }

    /** @return the district, or empty when the caller gave none in every try */
    public Optional<Integer> ask(Phone phone, ActiveCall call) {
        Optional<Integer> district = question.askNumber(phone, call, "district", Utterance.of(Prompt.DISTRICT_ASK),
                maxDigits, typed -> parse(typed).filter(districts::contains)
                        .<KeypadQuestion.Typed<Integer>>map(number -> new KeypadQuestion.Accepted<>(number, typed))
                        .orElseGet(() -> new KeypadQuestion.Refused<>(Prompt.DISTRICT_INVALID, typed)));
        district.ifPresent(call::district);
        return district;
    }

    private static Optional<Integer> parse(String typed) {
        if (typed.isEmpty() || typed.length() > 4 || !typed.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(typed));
    }
}
