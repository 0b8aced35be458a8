package ir.hotline137.mayor.log;

import ir.hotline137.requests.TestStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract, asked of the embedded log in a data folder. */
public class MapDbMayorSessionLogTest extends MayorSessionLogContract {
    @TempDir
    Path dir;

    private TestStorage data;

    @Override
    MayorSessionLog open() {
        data = new TestStorage(dir);
        return MapDbMayorSessionLog.open(data.open());
    }

    @Override
    MayorSessionLog reopen() {
        return MapDbMayorSessionLog.open(data.reopen());
    }

    @Override
    void release() {
        if (data != null) {
            data.close();
        }
    }
}
