package ir.hotline137.console.people;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.store.postgresql.StoreMigration;
import java.util.Comparator;

/** The people supervisors added on screen, and every change made to them, moved by {@code migrate-store}. */
public final class PeopleMigration {
    private PeopleMigration() {
    }

    public static StoreMigration of(MapDbPeople from, PostgresPeople to) {
        return StoreMigration.of("people and their changes", copies -> {
            from.all().stream().sorted(Comparator.comparing(ConsoleUser::username))
                    .forEach(person -> copies.accept(() -> to.adopt(person)));
            for (PersonChange change : from.allChanges()) {
                copies.accept(() -> to.adopt(change));
            }
        }, () -> from.all().size() + from.allChanges().size(), to::count, () -> { });
    }
}
