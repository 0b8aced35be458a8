package ir.hotline137.console.open311;

import ir.hotline137.store.postgresql.StoreMigration;

/** The apps that file through Open311 (their keys' hashes, revoked or not), moved by {@code migrate-store}. */
public final class ApiClientsMigration {
    private ApiClientsMigration() {
    }

    public static StoreMigration of(MapDbApiClients from, PostgresApiClients to) {
        return StoreMigration.of("Open311 clients",
                copies -> from.all().forEach(client -> copies.accept(() -> to.adopt(client))),
                () -> from.all().size(), () -> to.all().size(), to::idsFollow);
    }
}
