package ir.hotline137.hotline.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jar's entry point, compiled for Java 17 so that it runs on the older default {@code java} of many
 * servers. On Java 21 or newer it hands over to the application. On an older Java it looks for a JDK 21+
 * (JAVA_HOME, /usr/lib/jvm, /opt/java, /usr/java) and runs the same command line with it; with none, it
 * says what to install instead of dying with "class file has wrong version".
 */
public final class JavaVersionGate {
    private static final int REQUIRED = 21;
    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JavaVersionGate() {
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() >= REQUIRED) {
            Class.forName("ir.hotline137.hotline.HotlineMain").getMethod("main", String[].class)
                    .invoke(null, (Object) args);
            return;
        }
        Optional<Path> java = findJava();
        if (java.isEmpty()) {
            System.err.println("Hotline 137 needs Java " + REQUIRED + " or newer; this is Java "
                    + Runtime.version().feature() + " (" + System.getProperty("java.home") + ") and no newer JDK was"
                    + " found in JAVA_HOME, /usr/lib/jvm, /opt/java or /usr/java. Install one, e.g. Debian's"
                    + " openjdk-21-jre-headless or Temurin 21/25, or set JAVA_HOME to it.");
            System.exit(1);
        }
        System.exit(relaunch(java.get(), args));
    }

    private static int relaunch(Path java, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-jar");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        return child.waitFor();
    }

    private static Optional<Path> findJava() throws IOException {
        List<Path> homes = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        for (String root : List.of("/usr/lib/jvm", "/opt/java", "/usr/java")) {
            Path dir = Path.of(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    entries.sorted().forEach(homes::add);
                }
            }
        }
        Path best = null;
        int bestVersion = 0;
        for (Path home : homes) {
            int version = featureVersion(home);
            Path java = home.resolve("bin/java");
            if (version >= REQUIRED && version > bestVersion && Files.isExecutable(java)) {
                best = java;
                bestVersion = version;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isReadable(release)) {
            return 0;
        }
        try {
            Matcher m = RELEASE_VERSION.matcher(Files.readString(release, StandardCharsets.ISO_8859_1));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
