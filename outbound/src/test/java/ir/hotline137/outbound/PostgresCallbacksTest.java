package ir.hotline137.outbound;

import ir.hotline137.outbound.callback.CallbackStore;
import ir.hotline137.outbound.callback.PostgresCallbacks;
import ir.hotline137.requests.TestDatabase;

/** The callbacks' contract, asked of PostgreSQL's store, in a schema of its own. */
class PostgresCallbacksTest extends CallbackStoreContract {
    private final TestDatabase data = new TestDatabase();

    @Override
    CallbackStore open() {
        return PostgresCallbacks.open(data.open());
    }

    @Override
    CallbackStore reopen() {
        return PostgresCallbacks.open(data.reopen());
    }

    @Override
    void release() throws Exception {
        data.close();
    }
}
