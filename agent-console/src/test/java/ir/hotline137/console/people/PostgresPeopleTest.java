package ir.hotline137.console.people;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.console.security.Role;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * People added on screen, kept in PostgreSQL: a supervisor added on one node is there for the next start (and so for
 * every node), the first start's made-up supervisor is not offered any more, and each change is in the list, newest
 * first.
 */
class PostgresPeopleTest {
    @Test
    void aPersonAddedOnScreenIsKeptWithTheChangeAndTheFirstStartsSupervisorIsNotMadeAgain() throws Exception {
        try (TestPostgres postgres = TestPostgres.freshSchema()) {
            try (PostgresDatabase database = open(postgres)) {
                ConsoleUsers.of(List.of(), PostgresPeople.open(database), Clock.systemUTC())
                        .add("sima", "a long enough one", Set.of(Role.SUPERVISOR), Optional.empty(), Optional.empty(),
                                "supervisor");
            }
            try (PostgresDatabase database = open(postgres)) {
                PeopleStore kept = PostgresPeople.open(database);
                ConsoleUsers restarted = ConsoleUsers.of(List.of(), kept, Clock.systemUTC());
                assertThat(restarted.find(ConsoleUsers.FIRST_SUPERVISOR)).isEmpty();
                assertThat(restarted.find("sima")).isPresent();
                assertThat(kept.all()).extracting(ConsoleUser::username).containsExactly("sima");
                kept.remove("sima", new PersonChange(Instant.now(), "supervisor", "sima", "برداشته شد"));
                assertThat(kept.isEmpty()).isTrue();
                assertThat(kept.changes(10)).extracting(PersonChange::what).hasSize(2).first().isEqualTo("برداشته شد");
            }
        }
    }

    private static PostgresDatabase open(TestPostgres postgres) {
        return PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 2));
    }
}
