package ir.hotline137.hotline;

import ir.hotline137.hotline.admin.AdminCommandLine;
import org.springframework.boot.SpringApplication;

/**
 * What {@code java -jar hotline.jar} runs: with no command (or only --settings) the whole system, with a
 * command such as {@code eval-duplicates} or {@code rebuild-index} that command alone, starting no server.
 */
public final class HotlineMain {
    private HotlineMain() {
    }

    public static void main(String[] args) {
        if (AdminCommandLine.isCommand(args)) {
            System.exit(AdminCommandLine.run(args));
        }
        SpringApplication.run(HotlineApplication.class, args);
    }
}
