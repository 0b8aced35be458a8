package ir.hotline137.requests.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.mapdb.Atomic;
import org.mapdb.DB;
import org.mapdb.DBMaker;

/**
 * Opens the MapDB files of the data folder the one way they are all opened: transactions on (a write-ahead
 * log, so a crash loses nothing committed), file channel I/O. A file that cannot be opened or read is
 * reported and left exactly as it is, never repaired or replaced.
 */
public final class MapDbFiles {
    private MapDbFiles() {
    }

    /**
     * @param what   what the file is, for the message ("request store", "call log")
     * @param reader builds the store over the opened database; whatever it throws closes the file again
     */
    public static <T> T open(Path file, String what, Function<DB, T> reader) {
        boolean existed = Files.exists(file);
        DB db;
        try {
            db = DBMaker.fileDB(file.toFile())
                    .transactionEnable()
                    .fileChannelEnable()
                    .make();
        } catch (RuntimeException e) {
            throw new DataFolderException(what + " " + file + " cannot be opened" + (existed ? " (damaged?)" : "")
                    + ": " + e + ". It is left as it is; restore it from backup or move it aside.", e);
        }
        return read(db, what + " " + file, reader);
    }

    /** Builds a store over an open database, closing it if the contents cannot be read. */
    public static <T> T read(DB db, String where, Function<DB, T> reader) {
        try {
            return reader.apply(db);
        } catch (DataFolderException e) {
            db.close();
            throw e;
        } catch (RuntimeException e) {
            db.close();
            throw new DataFolderException(where + " cannot be read (damaged?): " + e
                    + ". It is left as it is; restore it from backup or move it aside.", e);
        }
    }

    /**
     * Stamps a new file with the format this build writes, or refuses a file written in another: a stored
     * record is never misread.
     *
     * @param what what the file is, for the message ("request store", "call log")
     */
    public static void checkFormat(DB db, int format, String what) {
        Atomic.Integer stored = db.atomicInteger("store-format").createOrOpen();
        if (stored.get() == 0) {
            stored.set(format);
            db.commit();
        } else if (stored.get() != format) {
            throw new DataFolderException(what + " has format " + stored.get() + ", this build reads " + format);
        }
    }
}
