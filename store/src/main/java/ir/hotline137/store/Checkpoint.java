package ir.hotline137.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What is known of a MapDB file's main file on disk, kept next to it ({@code requests.mapdb.checkpoint}):
 * either clean — committed and forced with exactly the journal's records up to {@code position} — or
 * dirty: being committed or built, so not to be trusted after a crash. The mark turns dirty (durably)
 * before MapDB writes the main file, and clean after its commit has forced it.
 */
record Checkpoint(boolean clean, UUID journal, long position, int format) {
    private static final String HEADER = "hotline137-checkpoint 1";

    static Path pathOf(Path mapDbFile) {
        return mapDbFile.resolveSibling(mapDbFile.getFileName() + ".checkpoint");
    }

    /** The mark of a file, or empty when there is none or it cannot be read (both mean: do not trust). */
    static Optional<Checkpoint> read(Path mapDbFile) {
        Path path = pathOf(mapDbFile);
        try {
            if (!Files.exists(path)) {
                return Optional.empty();
            }
            Map<String, String> fields = Durably.readFields(path, HEADER);
            if (fields == null) {
                return Optional.empty();
            }
            return Optional.of(new Checkpoint("clean".equals(fields.get("state")), UUID.fromString(fields.get("journal")),
                    Long.parseLong(fields.get("position")), Integer.parseInt(fields.get("format"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write(Path mapDbFile) throws IOException {
        Durably.replace(pathOf(mapDbFile), HEADER + "\nstate=" + (clean ? "clean" : "dirty") + "\njournal=" + journal
                + "\nposition=" + position + "\nformat=" + format + "\n");
    }
}
