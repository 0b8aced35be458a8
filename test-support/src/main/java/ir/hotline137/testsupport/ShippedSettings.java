package ir.hotline137.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The settings the application ships, read from its one {@code hotline/src/main/resources/application.yml}: the
 * only place a default is written. Tests of every module build their settings from here, so they run on what a
 * deployment runs on, and a default changed there is tested everywhere at once.
 *
 * <p>Durations and sizes are read as Spring Boot reads them in that file ({@code 250ms}, {@code 6s}, {@code 1m},
 * {@code 30d}; {@code 100MB}), so a value a test sees is the value the application binds.
 */
public final class ShippedSettings {
    private static final Path FILE = Path.of("hotline", "src", "main", "resources", "application.yml");
    private static final Pattern AMOUNT = Pattern.compile("^([+-]?\\d+)([a-zA-Z]{0,2})$");
    private static volatile ShippedSettings shipped;

    private final Path file;
    private final Map<String, Object> values;

    private ShippedSettings(Path file, Map<String, Object> values) {
        this.file = file;
        this.values = values;
    }

    /** The application's settings, found from the module a test runs in (or the project's root). */
    public static ShippedSettings load() {
        ShippedSettings loaded = shipped;
        if (loaded == null) {
            loaded = read(locate());
            shipped = loaded;
        }
        return loaded;
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE))) {
                return dir.resolve(FILE);
            }
        }
        throw new IllegalStateException("no " + FILE + " above " + Path.of("").toAbsolutePath());
    }

    private static ShippedSettings read(Path file) {
        try {
            // As Spring Boot loads it: no YAML 1.1 timestamps (a date stays the text it was written as).
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()),
                    new DumperOptions(), new NoTimestamps());
            Map<String, Object> tree = yaml.load(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", tree, flat);
            return new ShippedSettings(file, flat);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** YAML's resolver without its timestamp rule, as Spring Boot's loader has it. */
    private static final class NoTimestamps extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!tag.equals(Tag.TIMESTAMP)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> into) {
        for (Map.Entry<String, Object> entry : tree.entrySet()) {
            String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> nested) {
                flatten(key, (Map<String, Object>) nested, into);
            } else {
                into.put(key, entry.getValue());
            }
        }
    }

    /** Every setting by its full name ({@code hotline.ivr.tries}); lists as lists, in the file's order. */
    public Map<String, Object> all() {
        return Map.copyOf(values);
    }

    /** As Spring binds it: an empty value is empty text, not "null". */
    public String text(String key) {
        Object value = value(key);
        return value == null ? "" : String.valueOf(value);
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(text(key));
    }

    public int integer(String key) {
        return Integer.parseInt(text(key));
    }

    /** The whole numbers under {@code prefix}, by the rest of their names ({@code a.b: {X: 1}} → {@code X=1}). */
    public Map<String, Integer> integers(String prefix) {
        Map<String, Integer> found = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix + ".")) {
                found.put(key.substring(prefix.length() + 1), Integer.parseInt(String.valueOf(value)));
            }
        });
        if (found.isEmpty()) {
            throw new IllegalArgumentException("nothing under " + prefix + " in " + file);
        }
        return found;
    }

    public double decimal(String key) {
        return Double.parseDouble(text(key));
    }

    public List<String> texts(String key) {
        if (!(value(key) instanceof List<?> list)) {
            throw new IllegalArgumentException(key + " in " + file + " is not a list");
        }
        return list.stream().map(String::valueOf).toList();
    }

    /**
     * A duration as Spring Boot reads it: ISO-8601 ({@code PT30S}), or its simple style, a number and ms, s, m, h or
     * d (ms when none).
     */
    public Duration duration(String key) {
        if (text(key).strip().toUpperCase().startsWith("P") || text(key).strip().startsWith("-P")) {
            return Duration.parse(text(key).strip());
        }
        Matcher m = amount(key);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "ns" -> Duration.ofNanos(n);
            case "us" -> Duration.of(n, ChronoUnit.MICROS);
            case "", "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException(key + ": no duration unit '" + m.group(2) + "'");
        };
    }

    /** A size as Spring Boot's DataSize reads it: a number and B, KB, MB, GB or TB, in capitals (binary multiples). */
    public long bytes(String key) {
        Matcher m = amount(key);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "", "B" -> n;
            case "KB" -> n << 10;
            case "MB" -> n << 20;
            case "GB" -> n << 30;
            case "TB" -> n << 40;
            default -> throw new IllegalArgumentException(key + ": no size unit '" + m.group(2) + "'");
        };
    }

    private Matcher amount(String key) {
        Matcher m = AMOUNT.matcher(text(key).strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(key + " in " + file + " is no amount: " + text(key));
        }
        return m;
    }

    private Object value(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("no setting " + key + " in " + file);
        }
        return values.get(key);
    }
}
