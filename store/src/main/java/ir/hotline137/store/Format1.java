package ir.hotline137.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mapdb.Atomic;
import org.mapdb.DB;
import org.mapdb.DBMaker;

/**
 * Data folders of format 1, written before the journal, when each MapDB file (transactions on) was the truth:
 * how their files are opened to be read once more, and how a folder is marked format 2 when its contents
 * have been copied into a journal. The upgrade itself is the stores' ({@code upgrade-data}).
 */
public final class Format1 {
    private Format1() {
    }

    /** The data format a folder's FORMAT file names, or 0 when it has none. */
    public static int formatOf(Path root) {
        Path file = root.resolve(DataFolder.FORMAT_FILE);
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            String content = Files.readString(file, StandardCharsets.UTF_8).strip();
            return Integer.parseInt(content.substring(content.lastIndexOf(' ') + 1));
        } catch (IOException | RuntimeException e) {
            throw new DataFolderException("cannot read the FORMAT file of " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a format-1 MapDB file to read it; MapDB's own lock keeps a server of the old version (still
     * running on it) out.
     */
    public static DB open(Path file, String what) {
        DB db;
        try {
            db = DBMaker.fileDB(file.toFile()).transactionEnable().fileChannelEnable().make();
        } catch (RuntimeException e) {
            throw new DataFolderException(what + " " + file + " cannot be opened (" + e.getMessage() + "); is the old"
                    + " server still running on it? It is left as it is.", e);
        }
        int format = db.atomicInteger("store-format").createOrOpen().get();
        if (format != 1) {
            db.close();
            throw new DataFolderException(what + " " + file + " has store format " + format + ", not 1; it is left as it is");
        }
        return db;
    }

    /** The folder's contents are in its journal now: its FORMAT file says 2, written whole or not at all. */
    public static void finish(Path root) throws IOException {
        Durably.replace(root.resolve(DataFolder.FORMAT_FILE), "hotline137-data " + DataFolder.FORMAT_VERSION + "\n");
    }
}
