package ir.hotline137.store;

import java.time.Instant;

/** Whether the storage takes writes now, and if not, why. */
public sealed interface StorageHealth {

    /** Writes are taken. */
    record Writing(long journalEnd) implements StorageHealth {
    }

    /** Writes are refused until the cause goes away (space freed); nothing needs a restart. */
    record Refusing(String reason, Instant since) implements StorageHealth {
    }

    /**
     * Writes are refused until a restart: a MapDB file could not follow the journal. Everything acknowledged
     * is in the journal, and the file is rebuilt from it at the next start.
     */
    record Stopped(String reason, Instant since) implements StorageHealth {
    }
}
