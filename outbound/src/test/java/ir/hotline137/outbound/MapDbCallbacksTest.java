package ir.hotline137.outbound;

import ir.hotline137.outbound.callback.CallbackStore;
import ir.hotline137.outbound.callback.MapDbCallbacks;
import ir.hotline137.requests.Desks;
import ir.hotline137.store.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The callbacks' contract, asked of the embedded store. */
class MapDbCallbacksTest extends CallbackStoreContract {
    @TempDir
    Path dir;

    private Storage storage;

    @Override
    CallbackStore open() {
        storage = Storage.open(dir, Desks.STORE_SETTINGS);
        return MapDbCallbacks.open(storage);
    }

    @Override
    CallbackStore reopen() {
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
