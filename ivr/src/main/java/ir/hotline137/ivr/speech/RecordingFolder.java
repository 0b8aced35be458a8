package ir.hotline137.ivr.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Names the files callers are recorded into: one folder a day, the call's id and what was recorded, so an
 * agent or an auditor finds a recording from the request's date and the call alone.
 */
public final class RecordingFolder {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final Path root;
    private final ZoneId zone;

    public RecordingFolder(Path root, ZoneId zone) {
        this.root = root.toAbsolutePath();
        this.zone = zone;
    }

    /**
     * The file (without extension: Asterisk adds it) for one recording of a call. The day's folder is made
     * here when we share the file system with Asterisk; when we do not, Asterisk's side must have it.
     *
     * @param purpose e.g. "description" or "message"
     */
    public Path fileFor(String callId, String purpose, Instant at) {
        Path day = root.resolve(LocalDate.ofInstant(at, zone).format(DAY));
        try {
            Files.createDirectories(day);
        } catch (IOException e) {
            // Asterisk writes the file, possibly on another host; its failure will show in the recording.
        }
        return day.resolve(safe(callId) + "-" + safe(purpose));
    }

    /** Asterisk's unique ids are like 1732180000.123; anything else is kept out of the file name. */
    private static String safe(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }
}
