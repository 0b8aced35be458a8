package ir.hotline137.console.sessions;

import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;

/** The sessions' contract, asked of PostgreSQL's store, in a schema of its own. */
class PostgresSessionsTest extends SessionStoreContract {
    private TestPostgres postgres;
    private PostgresDatabase database;

    @Override
    SessionStore open() {
        postgres = TestPostgres.freshSchema();
        return connect();
    }

    @Override
    SessionStore reopen() {
        database.close();
        return connect();
    }

    private SessionStore connect() {
        database = PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD,
                2));
        return PostgresSessions.open(database);
    }

    @Override
    void release() throws Exception {
        if (database != null) {
            database.close();
            postgres.close();
        }
    }
}
