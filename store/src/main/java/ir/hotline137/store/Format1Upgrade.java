package ir.hotline137.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The {@code upgrade-data} admin command, common to every feature that keeps data: a data folder of format 1 (each MapDB file its own truth, before
 * the journal) becomes format 2. Everything is copied into a new journal built beside it; only when that is
 * complete and counted are the old files moved into {@code format1/} (never deleted), the journal moved in
 * and the FORMAT file changed, last. Stopped half-way, the folder is still format 1 and the command can be
 * run again.
 */
public final class Format1Upgrade {
    private Format1Upgrade() {
    }

    /**
     * One MapDB file of a format-1 folder and how its records are copied into the new journal.
     *
     * @param name the file's name in the data folder, e.g. {@code mayor-sessions.mapdb}
     * @param copy copies the old file's records through the new storage; returns how many
     */
    public record OldFile(String name, BiFunction<Storage, Path, Long> copy) {
    }

    /**
     * What was copied, and where the old files are kept.
     *
     * @param copied how many records each old file gave, by its name
     */
    public record Result(Map<String, Long> copied, Path oldFiles) {
        public long of(String file) {
            return copied.getOrDefault(file, 0L);
        }
    }

    /**
     * @param oldFiles every feature's old file, each given by the feature that keeps it (e.g. the request
     *                 store's {@code FORMAT1})
     */
    public static Result run(Path dataDir, StoreSettings settings, List<OldFile> oldFiles) {
        Path root = dataDir.toAbsolutePath().normalize();
        int format = Format1.formatOf(root);
        if (format != 1) {
            throw new DataFolderException("data folder " + root + " has data format " + format
                    + "; only format 1 is upgraded. Nothing was changed.");
        }
        Path aside = root.resolve("format1");
        // A run stopped after moving the old files aside finds them there.
        Path old = oldFiles.stream().anyMatch(f -> Files.exists(aside.resolve(f.name()))) ? aside : root;
        refuseUnknownFiles(old, oldFiles);
        Path work = root.resolve("upgrade");
        try {
            deleteTree(work);
            deleteTree(root.resolve("journal"));
            Map<String, Long> copied = new LinkedHashMap<>();
            try (Storage storage = Storage.open(work, settings)) {
                for (OldFile file : oldFiles) {
                    Path path = old.resolve(file.name());
                    copied.put(file.name(), Files.exists(path) ? file.copy().apply(storage, path) : 0L);
                }
            }
            Files.createDirectories(aside);
            try (Stream<Path> files = Files.list(root)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (oldFiles.stream().anyMatch(o -> name.startsWith(o.name())) || name.equals("index")) {
                        Files.move(f, aside.resolve(name));
                    }
                }
            }
            Files.move(work.resolve("journal"), root.resolve("journal"));
            deleteTree(work);
            Format1.finish(root);
            return new Result(copied, aside);
        } catch (IOException e) {
            throw new DataFolderException("upgrading " + root + " failed: " + e.getMessage()
                    + ". The folder is still format 1; run upgrade-data again.", e);
        }
    }

    /** A MapDB file nobody said how to copy would be left behind and its records lost: nothing is done then. */
    private static void refuseUnknownFiles(Path folder, List<OldFile> oldFiles) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> unknown = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".mapdb"))
                    .filter(name -> oldFiles.stream().noneMatch(o -> o.name().equals(name)))
                    .toList();
            if (!unknown.isEmpty()) {
                throw new DataFolderException("data folder " + folder + " holds " + unknown + ", which this upgrade "
                        + "does not know how to copy. Nothing was changed.");
            }
        } catch (IOException e) {
            throw new DataFolderException("cannot list " + folder + ": " + e.getMessage(), e);
        }
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
