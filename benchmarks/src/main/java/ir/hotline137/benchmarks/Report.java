package ir.hotline137.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The labelled numbers of one run, printed and appended to the results file line by line, so that a run
 * stopped half-way (out of time, out of disk) still leaves what it had measured.
 */
final class Report {
    private final Path file;

    Report(Path file, String benchmark, String settings) {
        this.file = file.toAbsolutePath();
        try {
            if (this.file.getParent() != null) {
                Files.createDirectories(this.file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line("");
        line("== %s  %s  %s", benchmark, settings, ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        line("   java %s (%s), %d cpus, max heap %d MB", Runtime.version(), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    }

    void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        System.out.println(text);
        try {
            Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Progress goes to the console only: it would drown the numbers in the results file. */
    static void progress(String format, Object... args) {
        System.out.println("   .. " + String.format(format, args));
    }

    Path file() {
        return file;
    }
}
