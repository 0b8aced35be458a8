package ir.hotline137.store;

/**
 * A write was refused and nothing of it was kept: the disk is (nearly) full, a force failed, or the storage
 * is closed. The message says which and what to do; reads go on.
 */
public class StoreRefusedException extends RuntimeException {
    public StoreRefusedException(String message) {
        super(message);
    }

    public StoreRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
