package ir.hotline137.calls;

import ir.hotline137.store.postgresql.StoreMigration;
import java.util.function.Consumer;

/** The call log, moved by {@code migrate-store} in the order the calls started. */
public final class CallsMigration implements StoreMigration {
    private final MapDbCallLog from;
    private final PostgresCallLog to;

    public CallsMigration(MapDbCallLog from, PostgresCallLog to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public String what() {
        return "calls";
    }

    @Override
    public void forEachRecord(Consumer<Runnable> copies) {
        from.forEach(call -> copies.accept(() -> to.record(call)));
    }

    @Override
    public long embeddedCount() {
        return from.count();
    }

    @Override
    public long postgresqlCount() {
        return to.count();
    }
}
