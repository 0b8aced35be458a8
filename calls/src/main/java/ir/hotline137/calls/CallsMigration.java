package ir.hotline137.calls;

import ir.hotline137.store.postgresql.StoreMigration;

/** The call log, moved by {@code migrate-store} in the order the calls started. */
public final class CallsMigration {
    private CallsMigration() {
    }

    public static StoreMigration of(MapDbCallLog from, PostgresCallLog to) {
        return StoreMigration.of("calls", copies -> from.forEach(call -> copies.accept(() -> to.record(call))),
                from::count, to::count, () -> { });
    }
}
