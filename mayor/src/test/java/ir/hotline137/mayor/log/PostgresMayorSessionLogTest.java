package ir.hotline137.mayor.log;

import ir.hotline137.requests.TestDatabase;

/** The contract, asked of the log on PostgreSQL, in a schema of its own. */
class PostgresMayorSessionLogTest extends MayorSessionLogContract {
    private final TestDatabase data = new TestDatabase();

    @Override
    MayorSessionLog open() {
        return PostgresMayorSessionLog.open(data.open());
    }

    @Override
    MayorSessionLog reopen() {
        return PostgresMayorSessionLog.open(data.reopen());
    }

    @Override
    void release() throws Exception {
        data.close();
    }
}
