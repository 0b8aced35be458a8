package ir.hotline137.store;

/** The data folder cannot be used as it is; the message says why and what to do. Nothing was changed. */
public class DataFolderException extends RuntimeException {
    public DataFolderException(String message) {
        super(message);
    }

    public DataFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
