package ir.hotline137.mayor.log;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.mayor.line.ScreeningState;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract, asked of the embedded log in a data folder. */
public class MapDbMayorSessionLogTest extends MayorSessionLogContract {
    @TempDir
    Path dir;

    private Storage storage;

    @Override
    MayorSessionLog open() {
        storage = Storage.open(dir, Desks.STORE_SETTINGS);
        return MapDbMayorSessionLog.open(storage);
    }

    @Override
    MayorSessionLog reopen() {
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
