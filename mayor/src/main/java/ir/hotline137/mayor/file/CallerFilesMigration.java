package ir.hotline137.mayor.file;

import ir.hotline137.store.postgresql.StoreMigration;

/** The moderators' files on callers, moved by {@code migrate-store}. */
public final class CallerFilesMigration {
    private CallerFilesMigration() {
    }

    public static StoreMigration of(MapDbCallerFiles from, PostgresCallerFiles to) {
        return StoreMigration.of("caller files", copies -> from.all().forEach(file -> copies.accept(() -> to.put(file))),
                () -> from.all().size(), to::count, () -> { });
    }
}
