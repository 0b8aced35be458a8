package ir.hotline137.hotline.store;

import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.store.Storage;
import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import java.util.Optional;
import java.util.function.Function;

/**
 * The store the deployment chose ({@code hotline.store}): each feature's store is made from the data folder's
 * {@link Storage} or from the cluster's {@link PostgresDatabase}, never a mix, so that a change across features is
 * one commit in either (the journal's one write, or PostgreSQL's one transaction).
 */
public final class Stores implements AutoCloseable {
    private final HotlineProperties.StoreKind kind;
    private final Storage storage;
    private final Optional<PostgresDatabase> database;
    private final Optional<ClusterNode> node;

    Stores(HotlineProperties.StoreKind kind, Storage storage, Optional<PostgresDatabase> database,
           Optional<ClusterNode> node) {
        this.kind = kind;
        this.storage = storage;
        this.database = database;
        this.node = node;
    }

    public HotlineProperties.StoreKind kind() {
        return kind;
    }

    /** The cluster's database, when the store is PostgreSQL. */
    public Optional<PostgresDatabase> database() {
        return database;
    }

    /** This node as the cluster knows it, when the store is PostgreSQL. */
    public ClusterNode node() {
        return node.orElseThrow(() -> new IllegalStateException("not on a cluster's store"));
    }

    /** A feature's store, made from whichever the deployment chose. */
    public <T> T pick(Function<Storage, T> embedded, Function<PostgresDatabase, T> postgresql) {
        return database.map(postgresql).orElseGet(() -> embedded.apply(storage));
    }

    /** The database is closed here; the data folder's storage by its own bean, after every store on it. */
    @Override
    public void close() throws InterruptedException {
        if (node.isPresent()) {
            node.get().close();
        }
        database.ifPresent(PostgresDatabase::close);
    }
}
