package ir.hotline137.mayor.file;

import ir.hotline137.store.postgresql.StoreMigration;
import java.util.function.Consumer;

/** The moderators' files on callers, moved by {@code migrate-store}. */
public final class CallerFilesMigration implements StoreMigration {
    private final MapDbCallerFiles from;
    private final PostgresCallerFiles to;

    public CallerFilesMigration(MapDbCallerFiles from, PostgresCallerFiles to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public String what() {
        return "caller files";
    }

    @Override
    public void forEachRecord(Consumer<Runnable> copies) {
        for (CallerFile file : from.all()) {
            copies.accept(() -> to.put(file));
        }
    }

    @Override
    public long embeddedCount() {
        return from.all().size();
    }

    @Override
    public long postgresqlCount() {
        return to.count();
    }
}
