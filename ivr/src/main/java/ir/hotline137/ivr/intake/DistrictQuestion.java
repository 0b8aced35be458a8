package ir.hotline137.ivr.intake;

import ir.hotline137.ivr.call.ActiveCall;
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
    private final int tries;

    public DistrictQuestion(Set<Integer> districts, int tries) {
        this.districts = Set.copyOf(districts);
        this.maxDigits = String.valueOf(districts.stream().mapToInt(Integer::intValue).max().orElse(9)).length();
        this.tries = tries;
    }

    /** @return the district, or empty when the caller gave none in every try */
    public Optional<Integer> ask(Phone phone, ActiveCall call) {
        Utterance prompt = Utterance.of(Prompt.DISTRICT_ASK);
        for (int attempt = 1; attempt <= tries; attempt++) {
            String typed = phone.askDigits(prompt, maxDigits);
            Optional<Integer> district = parse(typed).filter(districts::contains);
            call.step("district:" + (typed.isEmpty() ? "none" : typed));
            if (district.isPresent()) {
                call.district(district.get());
                return district;
            }
            prompt = Utterance.of(typed.isEmpty() ? Prompt.NO_INPUT : Prompt.DISTRICT_INVALID, Prompt.DISTRICT_ASK);
        }
        return Optional.empty();
    }

    private static Optional<Integer> parse(String typed) {
        if (typed.isEmpty() || typed.length() > 4 || !typed.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(typed));
    }
}
