package ir.hotline137.ivr.menu;

import ir.hotline137.ivr.call.ActiveCall;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.Utterance;
import ir.hotline137.switchboard.mayor.MayorLine;
import java.util.Optional;

/**
 * The main menu: 1 register, 2 follow up, 0 a person, and 4 the mayor while a live session is open. The welcome and the menu can be cut short by a key,
 * so a caller who knows the menu presses 1 at once. A wrong key or none is met with a word about it and
 * the menu again; after the last try the call goes to a person.
 */
public final class MainMenu {
    private final int tries;
    private final MayorLine mayorLine;

    public MainMenu(int tries, MayorLine mayorLine) {
        this.tries = tries;
        this.mayorLine = mayorLine;
    }

    public MenuChoice choose(Phone phone, ActiveCall call) {
        Utterance prompt = Utterance.of(Prompt.WELCOME).then(menu());
        for (int attempt = 1; attempt <= tries; attempt++) {
            Optional<Character> key = phone.askKey(prompt);
            call.step("menu:" + key.map(String::valueOf).orElse("none"));
            if (key.isPresent()) {
                switch (key.get()) {
                    case '1': return MenuChoice.REGISTER;
                    case '2': return MenuChoice.FOLLOW_UP;
                    case '0': return MenuChoice.AGENT;
                    case '4':
                        // Asked again now: the programme may have ended while the menu played.
                        if (mayorLive()) {
                            return MenuChoice.MAYOR;
                        }
                        break;
                    default: break;
                }
            }
            prompt = Utterance.of(key.isPresent() ? Prompt.INVALID_CHOICE : Prompt.NO_INPUT).then(menu());
        }
        return MenuChoice.NOT_UNDERSTOOD;
    }

    private Utterance menu() {
        Utterance menu = Utterance.of(Prompt.MAIN_MENU);
        return mayorLive() ? menu.then(Prompt.MAIN_MENU_MAYOR) : menu;
    }

    private boolean mayorLive() {
        return mayorLine.current().isPresent();
    }
}
