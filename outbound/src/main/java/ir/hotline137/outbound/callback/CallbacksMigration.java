package ir.hotline137.outbound.callback;

import ir.hotline137.store.postgresql.StoreMigration;
import java.util.function.Consumer;

/** The callbacks promised to citizens, open or ended, moved by {@code migrate-store} with their own numbers. */
public final class CallbacksMigration implements StoreMigration {
    private final MapDbCallbacks from;
    private final PostgresCallbacks to;

    public CallbacksMigration(MapDbCallbacks from, PostgresCallbacks to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public String what() {
        return "callbacks";
    }

    @Override
    public void forEachRecord(Consumer<Runnable> copies) {
        for (Callback callback : from.all()) {
            copies.accept(() -> to.adopt(callback));
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

    @Override
    public void finish() {
        to.idsFollow();
    }
}
