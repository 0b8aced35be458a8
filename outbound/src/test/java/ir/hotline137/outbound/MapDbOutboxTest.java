package ir.hotline137.outbound;

import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.requests.TestStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's contract, asked of the embedded outbox. */
class MapDbOutboxTest extends OutboxContract {
    @TempDir
    Path dir;

    private TestStorage data;

    @Override
    Outbox open() {
        data = new TestStorage(dir);
        return MapDbOutbox.open(data.open());
    }

    @Override
    Outbox reopen() {
        return MapDbOutbox.open(data.reopen());
    }

    @Override
    void release() {
        if (data != null) {
            data.close();
        }
    }
}
