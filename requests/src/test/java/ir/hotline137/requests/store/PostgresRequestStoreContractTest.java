package ir.hotline137.requests.store;

import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;

/** The contract, asked of the store on a real PostgreSQL, in a schema of its own. */
class PostgresRequestStoreContractTest extends RequestStoreContract {
    private TestPostgres postgres;
    private PostgresDatabase database;

    @Override
    RequestStore open() {
        postgres = TestPostgres.freshSchema();
        return connect();
    }

    @Override
    RequestStore reopen() {
        database.close();
        return connect();
    }

    private RequestStore connect() {
        database = PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD,
                4));
        return PostgresRequestStore.open(database);
    }

    @Override
    void release() throws Exception {
        database.close();
        postgres.close();
    }
}
