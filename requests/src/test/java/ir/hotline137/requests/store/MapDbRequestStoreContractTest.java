package ir.hotline137.requests.store;

import ir.hotline137.requests.TestStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract, asked of the embedded store in a data folder. */
class MapDbRequestStoreContractTest extends RequestStoreContract {
    @TempDir
    Path dir;

    private TestStorage data;

    @Override
    RequestStore open() {
        data = new TestStorage(dir);
        return MapDbRequestStore.open(data.open());
    }

    @Override
    RequestStore reopen() {
        return MapDbRequestStore.open(data.reopen());
    }

    @Override
    void release() {
        if (data != null) {
            data.close();
        }
    }
}
