package ir.hotline137.console.shift;

import ir.hotline137.store.postgresql.StoreMigration;
import java.util.function.Consumer;

/**
 * The agents' presence marks and wrap-ups, moved by {@code migrate-store}: each agent's marks in time order, so that
 * the last moved is their latest there too.
 */
public final class ShiftsMigration implements StoreMigration {
    private final MapDbShifts from;
    private final PostgresShifts to;

    public ShiftsMigration(MapDbShifts from, PostgresShifts to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public String what() {
        return "presence marks and wrap-ups";
    }

    @Override
    public void forEachRecord(Consumer<Runnable> copies) {
        from.forEachMark(mark -> copies.accept(() -> to.mark(mark)));
        from.forEachWrapUp(wrapUp -> copies.accept(() -> to.wrapUp(wrapUp)));
    }

    @Override
    public long embeddedCount() {
        return from.count();
    }

    @Override
    public long postgresqlCount() {
        return to.count();
    }
}
