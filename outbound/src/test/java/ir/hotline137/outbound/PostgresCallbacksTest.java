package ir.hotline137.outbound;

import ir.hotline137.outbound.callback.CallbackStore;
import ir.hotline137.outbound.callback.PostgresCallbacks;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;

/** The callbacks' contract, asked of PostgreSQL's store, in a schema of its own. */
class PostgresCallbacksTest extends CallbackStoreContract {
    private TestPostgres postgres;
    private PostgresDatabase database;

    @Override
    CallbackStore open() {
        postgres = TestPostgres.freshSchema();
        return connect();
    }

    @Override
    CallbackStore reopen() {
        database.close();
        return connect();
    }

    private CallbackStore connect() {
        database = PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD,
                2));
        return PostgresCallbacks.open(database);
    }

    @Override
    void release() throws Exception {
        if (database != null) {
            database.close();
            postgres.close();
        }
    }
}
