package ir.hotline137.console.open311;

import ir.hotline137.store.postgresql.StoreMigration;
import java.util.function.Consumer;

/** The apps that file through Open311 (their keys' hashes, revoked or not), moved by {@code migrate-store}. */
public final class ApiClientsMigration implements StoreMigration {
    private final MapDbApiClients from;
    private final PostgresApiClients to;

    public ApiClientsMigration(MapDbApiClients from, PostgresApiClients to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public String what() {
        return "Open311 clients";
    }

    @Override
    public void forEachRecord(Consumer<Runnable> copies) {
        for (ApiClient client : from.all()) {
            copies.accept(() -> to.adopt(client));
        }
    }

    @Override
    public long embeddedCount() {
        return from.all().size();
    }

    @Override
    public long postgresqlCount() {
        return to.all().size();
    }

    @Override
    public void finish() {
        to.idsFollow();
    }
}
