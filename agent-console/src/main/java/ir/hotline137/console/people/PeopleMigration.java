package ir.hotline137.console.people;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.store.postgresql.StoreMigration;
import java.util.Comparator;
import java.util.function.Consumer;

/** The people supervisors added on screen, and every change made to them, moved by {@code migrate-store}. */
public final class PeopleMigration implements StoreMigration {
    private final MapDbPeople from;
    private final PostgresPeople to;

    public PeopleMigration(MapDbPeople from, PostgresPeople to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public String what() {
        return "people and their changes";
    }

    @Override
    public void forEachRecord(Consumer<Runnable> copies) {
        from.all().stream().sorted(Comparator.comparing(ConsoleUser::username))
                .forEach(person -> copies.accept(() -> to.adopt(person)));
        for (PersonChange change : from.allChanges()) {
            copies.accept(() -> to.adopt(change));
        }
    }

    @Override
    public long embeddedCount() {
        return from.all().size() + from.allChanges().size();
    }

    @Override
    public long postgresqlCount() {
        return to.count();
    }
}
