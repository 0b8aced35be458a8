package ir.hotline137.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The one folder that holds everything the system keeps. A FORMAT file names the layout version, so a
 * newer or foreign folder is refused before anything in it is touched.
 *
 * <pre>
 * FORMAT                "hotline137-data &lt;version&gt;"
 * LOCK                  held by the one process using the folder; says which
 * journal/              the truth: every change ever kept, forced to disk before it was acknowledged
 * requests.mapdb        the request store, built from the journal (with requests.mapdb.checkpoint)
 * calls.mapdb           the call log, likewise
 * mayor-sessions.mapdb  the mayor sessions' log, likewise
 * index/                the duplicate index (Lucene); rebuilt from the request store when they disagree
 * recordings/           audio: callers' descriptions and recorded calls
 * </pre>
 */
public final class DataFolder {
    /**
     * Bumped when the layout or the stored record format changes incompatibly. Format 1 kept the MapDB files
     * as the truth; format 2 keeps the journal.
     */
    public static final int FORMAT_VERSION = 2;
    static final String FORMAT_FILE = "FORMAT";
    private static final String FORMAT_PREFIX = "hotline137-data ";

    private final Path root;

    private DataFolder(Path root) {
        this.root = root;
    }

    /** Opens (and on first use creates) the folder, refusing one of an unknown format. */
    public static DataFolder open(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new DataFolderException("data folder " + dir + " is a file, not a folder");
            }
            Path format = dir.resolve(FORMAT_FILE);
            if (Files.exists(format)) {
                checkFormat(dir, Files.readString(format, StandardCharsets.UTF_8).strip());
            } else if (isNonEmpty(dir)) {
                throw new DataFolderException("data folder " + dir + " holds files but no " + FORMAT_FILE
                        + " file: it was not made by Hotline 137 (or its FORMAT file was lost). It is left as it is;"
                        + " point hotline.data-dir at an empty or new folder, or restore the folder from backup.");
            } else {
                Files.createDirectories(dir);
                Files.writeString(format, FORMAT_PREFIX + FORMAT_VERSION + "\n", StandardCharsets.UTF_8);
            }
            return new DataFolder(dir);
        } catch (IOException e) {
            throw new DataFolderException("cannot open data folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void checkFormat(Path dir, String content) {
        if (!content.startsWith(FORMAT_PREFIX)) {
            throw new DataFolderException("data folder " + dir + " has a FORMAT file that is not Hotline 137's ('"
                    + content + "'); it is left as it is");
        }
        int version;
        try {
            version = Integer.parseInt(content.substring(FORMAT_PREFIX.length()).strip());
        } catch (NumberFormatException e) {
            throw new DataFolderException("data folder " + dir + " has an unreadable FORMAT file ('" + content
                    + "'); it is left as it is");
        }
        if (version == 1) {
            throw new DataFolderException("data folder " + dir + " was written by Hotline 137 before the journal (data"
                    + " format 1). With the server stopped, run 'java -jar hotline.jar upgrade-data' once: it copies"
                    + " everything into the journal and keeps the old files in " + dir.resolve("format1")
                    + ". The folder is left as it is.");
        }
        if (version != FORMAT_VERSION) {
            throw new DataFolderException("data folder " + dir + " was written in data format " + version
                    + " and this build reads format " + FORMAT_VERSION
                    + (version > FORMAT_VERSION ? ": run the newer Hotline 137 that wrote it." : ": migrate it first.")
                    + " The folder is left as it is.");
        }
    }

    private static boolean isNonEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    public Path root() {
        return root;
    }

    public Path requestsFile() {
        return root.resolve("requests.mapdb");
    }

    /** The call log, for figures about calls. */
    public Path callsFile() {
        return root.resolve("calls.mapdb");
    }

    /** The record of mayor sessions: who called, what became of them, the directives. */
    public Path mayorSessionsFile() {
        return root.resolve("mayor-sessions.mapdb");
    }

    /** The journal's segment files: the one thing that must never be lost. */
    public Path journalFolder() {
        return root.resolve("journal");
    }

    public Path lockFile() {
        return root.resolve("LOCK");
    }

    public Path indexFolder() {
        return root.resolve("index");
    }

    public Path recordingsFolder() {
        return root.resolve("recordings");
    }
}
