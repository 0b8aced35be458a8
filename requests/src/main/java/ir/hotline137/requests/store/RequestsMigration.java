package ir.hotline137.requests.store;

import ir.hotline137.store.postgresql.StoreMigration;
import java.util.function.Consumer;

/**
 * The citizens' requests, moved by {@code migrate-store} in the order they were registered, with their codes, times,
 * history and supporters. PostgreSQL numbers their registrations and changes afresh, in the same order; each node's
 * duplicate index is then built from PostgreSQL at its first start.
 */
public final class RequestsMigration implements StoreMigration {
    private final MapDbRequestStore from;
    private final PostgresRequestStore to;

    public RequestsMigration(MapDbRequestStore from, PostgresRequestStore to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public String what() {
        return "requests";
    }

    @Override
    public void forEachRecord(Consumer<Runnable> copies) {
        from.forEach(request -> copies.accept(() -> to.insert(request)));
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
