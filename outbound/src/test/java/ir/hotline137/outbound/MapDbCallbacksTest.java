package ir.hotline137.outbound;

import ir.hotline137.outbound.callback.CallbackStore;
import ir.hotline137.outbound.callback.MapDbCallbacks;
import ir.hotline137.requests.TestStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The callbacks' contract, asked of the embedded store. */
class MapDbCallbacksTest extends CallbackStoreContract {
    @TempDir
    Path dir;

    private TestStorage data;

    @Override
    CallbackStore open() {
        data = new TestStorage(dir);
        return MapDbCallbacks.open(data.open());
    }

    @Override
    CallbackStore reopen() {
        return MapDbCallbacks.open(data.reopen());
    }

    @Override
    void release() {
        if (data != null) {
            data.close();
        }
    }
}
