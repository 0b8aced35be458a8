package ir.hotline137.mayor.file;

import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.RecordTable;
import java.util.Optional;

/** The caller files in PostgreSQL, shared by the nodes of a cluster, in the codec the embedded store uses. */
public final class PostgresCallerFiles implements CallerFiles {
    private final RecordTable<CallerFile> files;

    private PostgresCallerFiles(PostgresDatabase database) {
        this.files = new RecordTable<>(database, "caller_files", new MapDbCallerFiles.Codec());
    }

    /** Opens the store, bringing its table to this build's. */
    public static PostgresCallerFiles open(PostgresDatabase database) {
        database.migrate("caller-files");
        return new PostgresCallerFiles(database);
    }

    @Override
    public Optional<CallerFile> find(String number) {
        return files.get(number);
    }

    /** How many files there are: for {@link CallerFilesMigration}. */
    long count() {
        return files.size();
    }

    @Override
    public void put(CallerFile file) {
        if (file.isEmpty()) {
            files.remove(file.number());
        } else {
            files.put(file.number(), file);
        }
    }
}
