package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.testsupport.ShippedSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * application.yml is the only place a default is written; the README's settings table tells operators what each
 * one means. The two must name the same settings with the same defaults, or an operator reads one thing and runs
 * another.
 */
class SettingsDocumentedTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][\\w.\\-]*)` \\| (.*?) \\| .* \\|$");

    @Test
    void theReadmesTableAndApplicationYmlNameTheSameSettingsWithTheSameDefaults() throws IOException {
        Map<String, String> documented = readmeTable();
        Map<String, Object> shipped = new LinkedHashMap<>();
        ShippedSettings.load().all().forEach((key, value) -> {
            if (key.startsWith("hotline.") || key.equals("server.port")) {
                shipped.put(key, value);
            }
        });

        assertThat(new TreeSet<>(documented.keySet())).as("settings in the README's table")
                .isEqualTo(new TreeSet<>(shipped.keySet()));
        for (Map.Entry<String, Object> setting : shipped.entrySet()) {
            String readme = documented.get(setting.getKey());
            Object value = setting.getValue();
            if (value instanceof List<?> list && list.stream().allMatch(v -> !(v instanceof Map<?, ?>))) {
                if (!list.isEmpty()) {
                    assertThat(readme).as(setting.getKey()).isEqualTo(
                            list.stream().map(String::valueOf).collect(Collectors.joining(", ")));
                }
            } else if (value instanceof Number number) {
                assertThat(Double.parseDouble(readme)).as(setting.getKey()).isEqualTo(number.doubleValue());
            } else if (value instanceof String text && text.isEmpty()) {
                assertThat(readme).as("%s: blank in application.yml, explained in the README", setting.getKey())
                        .startsWith("(");
            } else if (readme.startsWith("«") && readme.endsWith("…»")) {
                // A Persian text too long for the table: its beginning is shown.
                assertThat(String.valueOf(value)).as(setting.getKey())
                        .startsWith(readme.substring(1, readme.length() - 2).strip());
            } else if (!(value instanceof List<?>)) {
                assertThat(readme).as(setting.getKey()).isEqualTo(String.valueOf(value));
            }
        }
    }

    /** Each row's setting and its default as written, backticks taken off. */
    private static Map<String, String> readmeTable() throws IOException {
        String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"),
                StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Where data lives"));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (row.matches()) {
                rows.put(row.group(1), row.group(2).replace("`", "").strip());
            }
        }
        return rows;
    }
}
