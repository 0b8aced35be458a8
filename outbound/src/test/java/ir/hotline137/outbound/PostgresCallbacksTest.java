package ir.hotline137.outbound;

import ir.hotline137.outbound.callback.CallbackStore;
import ir.hotline137.outbound.callback.PostgresCallbacks;
import ir.hotline137.requests.TestDatabase;
import ir.hotline137.store.postgresql.PostgresDatabase;

/** The callbacks' contract, asked of PostgreSQL's store, in a schema of its own. */
class PostgresCallbacksTest extends CallbackStoreContract {
    private final TestDatabase data = new TestDatabase();

    @Override
    CallbackStore open() {
        PostgresDatabase database = data.open();
        return PostgresCallbacks.open(database, data.node());
    }

    @Override
    CallbackStore reopen() {
        PostgresDatabase database = data.reopen();
        return PostgresCallbacks.open(database, data.node());
    }

    @Override
    void release() throws Exception {
        data.close();
    }
}
