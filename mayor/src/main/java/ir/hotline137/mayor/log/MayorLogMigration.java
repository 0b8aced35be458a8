package ir.hotline137.mayor.log;

import ir.hotline137.store.postgresql.StoreMigration;
import java.util.Comparator;
import java.util.List;

/** The mayor's programmes, their callers and the directives, moved by {@code migrate-store}. */
public final class MayorLogMigration {
    private MayorLogMigration() {
    }

    public static StoreMigration of(MapDbMayorSessionLog from, PostgresMayorSessionLog to) {
        return StoreMigration.of("mayor's programmes, callers and directives", copies -> {
            for (SessionRecord session : sessions(from)) {
                copies.accept(() -> to.save(session));
                for (SessionCaller caller : from.callers(session.id())) {
                    copies.accept(() -> to.save(caller));
                }
                // In the order they were written, which is the order PostgreSQL numbers them in.
                for (Directive directive : from.directives(session.id())) {
                    copies.accept(() -> to.add(directive));
                }
            }
        }, () -> count(from), () -> count(to), () -> { });
    }

    private static List<SessionRecord> sessions(MayorSessionLog log) {
        return log.sessions().stream().sorted(Comparator.comparing(SessionRecord::id)).toList();
    }

    private static long count(MayorSessionLog log) {
        return log.sessions().stream().mapToLong(session -> 1 + log.callers(session.id()).size()
                + log.directives(session.id()).size()).sum();
    }
}
