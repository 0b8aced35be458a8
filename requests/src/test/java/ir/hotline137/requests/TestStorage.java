package ir.hotline137.requests;

import ir.hotline137.store.Storage;
import java.nio.file.Path;

/** A data folder's storage that a store's contract test opens, opens again (as after a restart) and closes. */
public final class TestStorage implements AutoCloseable {
    private final Path dir;
    private Storage storage;

    public TestStorage(Path dir) {
        this.dir = dir;
    }

    public Storage open() {
        storage = Storage.open(dir, Desks.STORE_SETTINGS);
        return storage;
    }

    public Storage reopen() {
        storage.close();
        return open();
    }

    @Override
    public void close() {
        if (storage != null) {
            storage.close();
        }
    }
}
