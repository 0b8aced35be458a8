package ir.hotline137.console.sessions;

import ir.hotline137.store.Storage;
import ir.hotline137.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The sessions' contract, asked of the embedded store. */
class MapDbSessionsTest extends SessionStoreContract {
    @TempDir
    Path dir;

    private Storage storage;

    @Override
    SessionStore open() {
        storage = Storage.open(dir, new StoreSettings(Duration.ofMinutes(1), 0, 64L << 20));
        return MapDbSessions.open(storage);
    }

    @Override
    SessionStore reopen() {
        storage.close();
        return open();
    }

    @Override
    void release() {
        if (storage != null) {
            storage.close();
        }
    }
}
