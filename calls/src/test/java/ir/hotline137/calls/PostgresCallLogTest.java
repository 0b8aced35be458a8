package ir.hotline137.calls;

import ir.hotline137.requests.TestDatabase;

/** The call log's contract, asked of PostgreSQL's, in a schema of its own. */
class PostgresCallLogTest extends CallLogContract {
    private final TestDatabase data = new TestDatabase();

    @Override
    CallLog open() {
        return PostgresCallLog.open(data.open());
    }

    @Override
    CallLog reopen() {
        return PostgresCallLog.open(data.reopen());
    }

    @Override
    void release() throws Exception {
        data.close();
    }
}
