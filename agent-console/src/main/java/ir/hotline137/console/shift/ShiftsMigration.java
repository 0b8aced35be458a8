package ir.hotline137.console.shift;

import ir.hotline137.store.postgresql.StoreMigration;

/**
 * The agents' presence marks and wrap-ups, moved by {@code migrate-store}: each agent's marks in time order, so that
 * the last moved is their latest there too.
 */
public final class ShiftsMigration {
    private ShiftsMigration() {
    }

    public static StoreMigration of(MapDbShifts from, PostgresShifts to) {
        return StoreMigration.of("presence marks and wrap-ups", copies -> {
            from.forEachMark(mark -> copies.accept(() -> to.mark(mark)));
            from.forEachWrapUp(wrapUp -> copies.accept(() -> to.wrapUp(wrapUp)));
        }, from::count, to::count, () -> { });
    }
}
