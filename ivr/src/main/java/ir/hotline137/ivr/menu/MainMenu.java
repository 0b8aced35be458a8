package ir.hotline137.ivr.menu;

import ir.hotline137.ivr.call.ActiveCall;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.Utterance;
import java.util.Optional;

/**
 * The main menu: 1 register, 2 follow up, 0 a person. The welcome and the menu can be cut short by a key,
 * so a caller who knows the menu presses 1 at once. A wrong key or none is met with a word about it and
 * the menu again; after the last try the call goes to a person.
 */
public final class MainMenu {
    private final int tries;

    public MainMenu(int tries) {
        this.tries = tries;
    }

    public MenuChoice choose(Phone phone, ActiveCall call) {
        Utterance prompt = Utterance.of(Prompt.WELCOME, Prompt.MAIN_MENU);
        for (int attempt = 1; attempt <= tries; attempt++) {
            Optional<Character> key = phone.askKey(prompt);
            call.step("menu:" + key.map(String::valueOf).orElse("none"));
            if (key.isPresent()) {
                switch (key.get()) {
                    case '1': return MenuChoice.REGISTER;
                    case '2': return MenuChoice.FOLLOW_UP;
                    case '0': return MenuChoice.AGENT;
                    default: break;
                }
            }
            prompt = Utterance.of(key.isPresent() ? Prompt.INVALID_CHOICE : Prompt.NO_INPUT, Prompt.MAIN_MENU);
        }
        return MenuChoice.NOT_UNDERSTOOD;
    }
}
