package ir.hotline137.requests.store;

import ir.hotline137.store.postgresql.StoreMigration;

/**
 * The citizens' requests, moved by {@code migrate-store} in the order they were registered, with their codes, times,
 * history and supporters. PostgreSQL numbers their registrations and changes afresh, in the same order; each node's
 * duplicate index is then built from PostgreSQL at its first start.
 */
public final class RequestsMigration {
    private RequestsMigration() {
    }

    public static StoreMigration of(MapDbRequestStore from, PostgresRequestStore to) {
        return StoreMigration.of("requests", copies -> from.forEach(request -> copies.accept(() -> to.insert(request))),
                from::count, to::count, () -> { });
    }
}
