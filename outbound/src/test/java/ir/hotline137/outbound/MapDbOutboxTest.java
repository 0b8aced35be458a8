package ir.hotline137.outbound;

import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.requests.Desks;
import ir.hotline137.store.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's contract, asked of the embedded outbox. */
class MapDbOutboxTest extends OutboxContract {
    @TempDir
    Path dir;

    private Storage storage;

    @Override
    Outbox open() {
        storage = Storage.open(dir, Desks.STORE_SETTINGS);
        return MapDbOutbox.open(storage);
    }

    @Override
    Outbox reopen() {
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
