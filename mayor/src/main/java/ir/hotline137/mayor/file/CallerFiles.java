package ir.hotline137.mayor.file;

import java.util.Optional;

/**
 * The moderators' files on callers, by number: the embedded {@link MapDbCallerFiles}, or {@link PostgresCallerFiles}
 * for a cluster. A file set empty (no flag, no note) is forgotten.
 */
public interface CallerFiles {
    Optional<CallerFile> find(String number);

    /** Keeps the file as it is now; an empty one is forgotten. */
    void put(CallerFile file);
}
