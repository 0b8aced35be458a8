package ir.hotline137.mayor.line;

import java.util.List;

/**
 * Keeps the mayor's line on record: told of each change's events together, under the line's lock, before the change
 * returns, so the record is never behind the line and one change is one write (one force to disk), however many
 * callers it touched.
 */
@FunctionalInterface
public interface MayorLineKeeper {
    void keep(List<MayorLineEvent> change);
}
