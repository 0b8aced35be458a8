package ir.hotline137.requests.store;

import ir.hotline137.requests.TestDatabase;

/** The contract, asked of the store on a real PostgreSQL, in a schema of its own. */
class PostgresRequestStoreContractTest extends RequestStoreContract {
    private final TestDatabase data = new TestDatabase();

    @Override
    RequestStore open() {
        return PostgresRequestStore.open(data.open());
    }

    @Override
    RequestStore reopen() {
        return PostgresRequestStore.open(data.reopen());
    }

    @Override
    void release() throws Exception {
        data.close();
    }
}
