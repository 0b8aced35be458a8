package ir.hotline137.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The {@code --name value} options of a benchmark; an unknown name stops the run rather than being ignored. */
final class Arguments {
    private final Map<String, String> values = new HashMap<>();

    Arguments(String[] args, Set<String> known) {
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + name + "'; known: --" + String.join(", --", known));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            values.put(name.substring(2), args[i + 1]);
        }
    }

    int number(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        // 1_000_000 and 1e6 are how people write a million on a command line
        return (int) Double.parseDouble(value.replace("_", ""));
    }

    /** A comma-separated list such as {@code 4,8,16}: the sizes a benchmark steps through. */
    int[] numbers(String name, int[] fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback.clone();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .mapToInt(part -> (int) Double.parseDouble(part.replace("_", "")))
                .toArray();
    }

    Path path(String name, Path fallback) {
        String value = values.get(name);
        return value == null ? fallback : Path.of(value);
    }

    /** Where the results are appended: relative to the working directory, like the documented commands assume. */
    Path out() {
        return path("out", Path.of("benchmarks", "results.txt"));
    }
}
