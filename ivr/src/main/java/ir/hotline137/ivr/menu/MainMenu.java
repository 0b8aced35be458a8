package ir.hotline137.ivr.menu;

import ir.hotline137.ivr.call.ActiveCall;
import ir.hotline137.ivr.call.KeypadQuestion;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.Utterance;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The main menu: 1 register, 2 follow up, 0 a person, 4 the mayor while a live session is open, and 5 a public
 * meeting while one takes registrations. The welcome
 * and the menu can be cut short by a key, so a caller who knows the menu presses 1 at once. A wrong key or none
 * is met with a word about it and the menu again; after the last try the call goes to a person.
 */
public final class MainMenu {
    private final KeypadQuestion question;
    private final MayorLine mayorLine;
    private final BooleanSupplier meetingOpen;

    /** @param meetingOpen whether a public meeting takes registrations now */
    public MainMenu(int tries, MayorLine mayorLine, BooleanSupplier meetingOpen) {
        this.question = new KeypadQuestion(tries);
        this.mayorLine = mayorLine;
        this.meetingOpen = meetingOpen;
    }

    public MenuChoice choose(Phone phone, ActiveCall call) {
        return question.askKey(phone, call, "menu", Utterance.of(Prompt.WELCOME).then(menu()), this::menu,
                this::meaning).orElse(MenuChoice.NOT_UNDERSTOOD);
    }

    private Optional<MenuChoice> meaning(char key) {
        return switch (key) {
            case '1' -> Optional.of(MenuChoice.REGISTER);
            case '2' -> Optional.of(MenuChoice.FOLLOW_UP);
            case '0' -> Optional.of(MenuChoice.AGENT);
            // Asked again now: the programme may have ended while the menu played.
            case '4' -> mayorLive() ? Optional.of(MenuChoice.MAYOR) : Optional.empty();
            case '5' -> meetingOpen.getAsBoolean() ? Optional.of(MenuChoice.MEETING) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Utterance menu() {
        Utterance menu = Utterance.of(Prompt.MAIN_MENU);
        if (mayorLive()) {
            menu = menu.then(Prompt.MAIN_MENU_MAYOR);
        }
        return meetingOpen.getAsBoolean() ? menu.then(Prompt.MAIN_MENU_MEETING) : menu;
    }

    private boolean mayorLive() {
        return mayorLine.current().isPresent();
    }
}
