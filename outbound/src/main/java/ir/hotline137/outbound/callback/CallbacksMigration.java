package ir.hotline137.outbound.callback;

import ir.hotline137.store.postgresql.StoreMigration;

/** The callbacks promised to citizens, open or ended, moved by {@code migrate-store} with their own numbers. */
public final class CallbacksMigration {
    private CallbacksMigration() {
    }

    public static StoreMigration of(MapDbCallbacks from, PostgresCallbacks to) {
        return StoreMigration.of("callbacks",
                copies -> from.all().forEach(callback -> copies.accept(() -> to.adopt(callback))),
                () -> from.all().size(), to::count, to::idsFollow);
    }
}
