package ir.hotline137.calls;

import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;

/** The call log's contract, asked of PostgreSQL's, in a schema of its own. */
class PostgresCallLogTest extends CallLogContract {
    private TestPostgres postgres;
    private PostgresDatabase database;

    @Override
    CallLog open() {
        postgres = TestPostgres.freshSchema();
        return connect();
    }

    @Override
    CallLog reopen() {
        database.close();
        return connect();
    }

    private CallLog connect() {
        database = PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD,
                2));
        return PostgresCallLog.open(database);
    }

    @Override
    void release() throws Exception {
        if (database != null) {
            database.close();
            postgres.close();
        }
    }
}
