package ir.hotline137.console.sessions;

import ir.hotline137.requests.TestDatabase;

/** The sessions' contract, asked of PostgreSQL's store, in a schema of its own. */
class PostgresSessionsTest extends SessionStoreContract {
    private final TestDatabase data = new TestDatabase();

    @Override
    SessionStore open() {
        return PostgresSessions.open(data.open());
    }

    @Override
    SessionStore reopen() {
        return PostgresSessions.open(data.reopen());
    }

    @Override
    void release() throws Exception {
        data.close();
    }
}
