package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps DESIGN §3's rule of who may use whom true, by reading each module's pom.xml. */
class ModuleGraphTest {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "store", Set.of(),
            "requests", Set.of("store"),
            "switchboard", Set.of("store"),
            "recognizer", Set.of("store"),
            "prompts", Set.of("store"),
            "mayor", Set.of("store", "requests", "switchboard"),
            "ivr", Set.of("store", "requests", "switchboard", "mayor", "recognizer", "prompts"),
            "agent-console", Set.of("store", "requests", "switchboard", "mayor"),
            "hotline", Set.of("store", "requests", "switchboard", "mayor", "recognizer", "prompts", "ivr",
                    "agent-console"),
            "benchmarks", Set.of("store", "requests", "switchboard", "recognizer", "prompts", "ivr"));
    private static final Pattern MODULE = Pattern.compile("<module>([\\w-]+)</module>");
    private static final Pattern OUR_DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>ir\\.hotline137</groupId>\\s*<artifactId>([\\w-]+)</artifactId>");

    @Test
    void everyModuleUsesOnlyWhatItMay() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Set<String> modules = new TreeSet<>();
        Matcher listed = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
        while (listed.find()) {
            modules.add(listed.group(1));
        }
        assertThat(ALLOWED.keySet()).as("every module has its rule").containsExactlyInAnyOrderElementsOf(modules);
        for (Map.Entry<String, Set<String>> module : ALLOWED.entrySet()) {
            String pom = Files.readString(root.resolve(module.getKey()).resolve("pom.xml"));
            Set<String> uses = new TreeSet<>();
            Matcher m = OUR_DEPENDENCY.matcher(pom.substring(pom.indexOf("</parent>")));
            while (m.find()) {
                uses.add(m.group(1));
            }
            assertThat(module.getValue()).as("modules %s may use", module.getKey()).containsAll(uses);
        }
    }
}
