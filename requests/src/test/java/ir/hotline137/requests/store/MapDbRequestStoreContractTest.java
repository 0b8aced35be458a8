package ir.hotline137.requests.store;

import ir.hotline137.requests.Desks;
import ir.hotline137.store.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract, asked of the embedded store in a data folder. */
class MapDbRequestStoreContractTest extends RequestStoreContract {
    @TempDir
    Path dir;

    private Storage storage;

    @Override
    RequestStore open() {
        storage = Storage.open(dir, Desks.STORE_SETTINGS);
        return MapDbRequestStore.open(storage);
    }

    @Override
    RequestStore reopen() {
        storage.close();
        return open();
    }

    @Override
    void release() {
        storage.close();
    }
}
