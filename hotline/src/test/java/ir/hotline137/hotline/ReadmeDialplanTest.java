package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.ivr.call.Phone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The dialplan an operator copies from the README must test the very mark the IVR sets on a call it finished:
 * if the two drifted apart, every caller would be sent to the fallback, or none would.
 */
class ReadmeDialplanTest {

    @Test
    void theReadmesDialplanFallsBackOnTheMarkTheIvrSets() throws IOException {
        String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"),
                StandardCharsets.UTF_8);
        String test = "GotoIf($[\"${" + Phone.HANDLED_VARIABLE + "}\" = \"" + Phone.HANDLED + "\"]?end)";
        for (String context : new String[] {"[hotline]", "[hotline-cluster]"}) {
            int start = readme.indexOf(context);
            assertThat(start).as(context).isNotNegative();
            String dialplan = readme.substring(start, readme.indexOf("n(end),Hangup()", start));
            assertThat(dialplan).as(context).contains(test);
            // Each AGI() is followed by the test, so a node that does not finish the call passes it on.
            assertThat(dialplan.split("AGI\\(agi://", -1).length - 1).as(context)
                    .isEqualTo(dialplan.split(java.util.regex.Pattern.quote(test), -1).length - 1);
        }
    }
}
