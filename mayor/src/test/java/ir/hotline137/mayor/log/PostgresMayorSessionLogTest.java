package ir.hotline137.mayor.log;

import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;

/** The contract, asked of the log on PostgreSQL, in a schema of its own. */
class PostgresMayorSessionLogTest extends MayorSessionLogContract {
    private TestPostgres postgres;
    private PostgresDatabase database;

    @Override
    MayorSessionLog open() {
        postgres = TestPostgres.freshSchema();
        return connect();
    }

    @Override
    MayorSessionLog reopen() {
        database.close();
        return connect();
    }

    private MayorSessionLog connect() {
        database = PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD,
                2));
        return PostgresMayorSessionLog.open(database);
    }

    @Override
    void release() throws Exception {
        if (database != null) {
            database.close();
            postgres.close();
        }
    }
}
