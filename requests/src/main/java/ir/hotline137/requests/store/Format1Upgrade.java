package ir.hotline137.requests.store;

import ir.hotline137.requests.calls.MapDbCallLog;
import ir.hotline137.requests.mayor.MapDbMayorSessionLog;
import ir.hotline137.store.DataFolderException;
import ir.hotline137.store.Format1;
import ir.hotline137.store.Storage;
import ir.hotline137.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code upgrade-data} admin command: a data folder of format 1 (each MapDB file its own truth, before
 * the journal) becomes format 2. Everything is copied into a new journal built beside it; only when that is
 * complete and counted are the old files moved into {@code format1/} (never deleted), the journal moved in
 * and the FORMAT file changed, last. Stopped half-way, the folder is still format 1 and the command can be
 * run again.
 */
public final class Format1Upgrade {
    private static final List<String> OLD_FILES = List.of("requests.mapdb", "calls.mapdb", "mayor-sessions.mapdb");

    private Format1Upgrade() {
    }

    /** What was copied, and where the old files are kept. */
    public record Result(long requests, long calls, long mayorRecords, Path oldFiles) {
    }

    public static Result run(Path dataDir, StoreSettings settings) {
        Path root = dataDir.toAbsolutePath().normalize();
        int format = Format1.formatOf(root);
        if (format != 1) {
            throw new DataFolderException("data folder " + root + " has data format " + format
                    + "; only format 1 is upgraded. Nothing was changed.");
        }
        Path aside = root.resolve("format1");
        // A run stopped after moving the old files aside finds them there.
        Path old = Files.exists(aside.resolve("requests.mapdb")) ? aside : root;
        Path work = root.resolve("upgrade");
        try {
            deleteTree(work);
            deleteTree(root.resolve("journal"));
            long requests;
            long calls;
            long mayor;
            try (Storage storage = Storage.open(work, settings)) {
                requests = copy(old.resolve("requests.mapdb"), MapDbRequestStore.open(storage)::importFormat1);
                calls = copy(old.resolve("calls.mapdb"), MapDbCallLog.open(storage)::importFormat1);
                mayor = copy(old.resolve("mayor-sessions.mapdb"), MapDbMayorSessionLog.open(storage)::importFormat1);
            }
            Files.createDirectories(aside);
            try (Stream<Path> files = Files.list(root)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (OLD_FILES.stream().anyMatch(name::startsWith) || name.equals("index")) {
                        Files.move(f, aside.resolve(name));
                    }
                }
            }
            Files.move(work.resolve("journal"), root.resolve("journal"));
            deleteTree(work);
            Format1.finish(root);
            return new Result(requests, calls, mayor, aside);
        } catch (IOException e) {
            throw new DataFolderException("upgrading " + root + " failed: " + e.getMessage()
                    + ". The folder is still format 1; run upgrade-data again.", e);
        }
    }

    private static long copy(Path file, java.util.function.ToLongFunction<Path> into) {
        return Files.exists(file) ? into.applyAsLong(file) : 0;
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
