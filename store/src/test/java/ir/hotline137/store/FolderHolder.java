package ir.hotline137.store;

import java.nio.file.Path;

/** A second process for {@link StorageTest}: opens the data folder, says so, and holds it until killed. */
public final class FolderHolder {
    private FolderHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Storage storage = Storage.open(Path.of(args[0]), StorageTest.SETTINGS)) {
            System.out.println("holding " + ProcessHandle.current().pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
