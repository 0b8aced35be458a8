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
    /** Test support is for every module's tests (and the benchmarks) and uses none of ours. */
    private static final String TESTS = "test-support";
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry(TESTS, Set.of()),
            Map.entry("store", Set.of(TESTS)),
            Map.entry("requests", Set.of(TESTS, "store")),
            Map.entry("calls", Set.of(TESTS, "store", "requests")),
            Map.entry("figures", Set.of(TESTS, "store", "requests", "calls")),
            Map.entry("outbound", Set.of(TESTS, "store", "requests")),
            Map.entry("switchboard", Set.of(TESTS, "store")),
            Map.entry("recognizer", Set.of(TESTS, "store")),
            Map.entry("prompts", Set.of(TESTS, "store")),
            Map.entry("mayor", Set.of(TESTS, "store", "requests", "switchboard", "outbound")),
            Map.entry("ivr", Set.of(TESTS, "store", "requests", "calls", "switchboard", "mayor", "outbound", "recognizer",
                    "prompts")),
            Map.entry("agent-console", Set.of(TESTS, "store", "requests", "calls", "figures", "outbound", "switchboard",
                    "mayor")),
            Map.entry("hotline", Set.of(TESTS, "store", "requests", "calls", "figures", "outbound", "switchboard",
                    "mayor", "recognizer", "prompts", "ivr", "agent-console")),
            Map.entry("benchmarks", Set.of(TESTS, "store", "requests", "calls", "outbound", "switchboard", "recognizer",
                    "prompts", "ivr")));
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
