package ir.hotline137.console.sessions;

import ir.hotline137.requests.TestStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The sessions' contract, asked of the embedded store. */
class MapDbSessionsTest extends SessionStoreContract {
    @TempDir
    Path dir;

    private TestStorage data;

    @Override
    SessionStore open() {
        data = new TestStorage(dir);
        return MapDbSessions.open(data.open());
    }

    @Override
    SessionStore reopen() {
        return MapDbSessions.open(data.reopen());
    }

    @Override
    void release() {
        if (data != null) {
            data.close();
        }
    }
}
