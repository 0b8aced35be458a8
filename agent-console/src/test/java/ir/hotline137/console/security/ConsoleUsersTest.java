package ir.hotline137.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.console.people.MapDbPeople;
import ir.hotline137.store.Storage;
import ir.hotline137.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** No password that anyone could guess or read from a file ever opens the console. */
class ConsoleUsersTest {

    @Test
    void aPasswordInClearTextIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> ConsoleUsers.of(List.of(user("maryam", "hunter2", Role.AGENT))))
                .hasMessageContaining("hotline.users[0].password").hasMessageContaining("bcrypt");
    }

    @Test
    void aBareBcryptHashAsToolsPrintItIsAccepted() {
        String hash = new BCryptPasswordEncoder().encode("long enough secret");
        ConsoleUsers users = ConsoleUsers.of(List.of(user("maryam", hash, Role.AGENT)));

        assertThat(users.passwordEncoder().matches("long enough secret", hash)).isTrue();
        assertThat(users.passwordEncoder().matches("wrong", hash)).isFalse();
    }

    @Test
    void aRepeatedNameOrNoRoleIsRefused() {
        assertThatThrownBy(() -> ConsoleUsers.of(List.of(user("a", "{noop}x", Role.AGENT), user("a", "{noop}y", Role.MAYOR))))
                .hasMessageContaining("hotline.users[1].username");
        assertThatThrownBy(() -> ConsoleUsers.of(List.of(ConsoleUser.of("b", "{noop}x", Set.of(), Optional.empty()))))
                .hasMessageContaining("hotline.users[0].roles");
    }

    @Test
    void nobodyConfiguredMeansOneSupervisorWithARandomPasswordNotAKnownOne() {
        ConsoleUsers users = ConsoleUsers.of(List.of());

        ConsoleUser first = users.find(ConsoleUsers.FIRST_SUPERVISOR).orElseThrow();
        assertThat(first.roles()).containsExactly(Role.SUPERVISOR);
        for (String guess : List.of("", "supervisor", "admin", "password", "137")) {
            assertThat(users.passwordEncoder().matches(guess, first.password())).isFalse();
        }
        assertThat(ConsoleUsers.of(List.of()).find(ConsoleUsers.FIRST_SUPERVISOR).orElseThrow().password())
                .as("a new one each start").isNotEqualTo(first.password());
    }

    @Test
    void peopleAddedOnScreenAreKeptAcrossARestartWithTheirPasswordsHashed(@TempDir Path dir) {
        StoreSettings settings = new StoreSettings(Duration.ofMinutes(1), 0, 64L << 20);
        try (Storage storage = Storage.open(dir, settings)) {
            ConsoleUsers users = ConsoleUsers.of(List.of(user("boss", "{noop}x", Role.SUPERVISOR)),
                    MapDbPeople.open(storage), Clock.systemUTC());
            assertThat(users.add("nima", "a long enough one", Set.of(Role.AGENT), Optional.of("PJSIP/105"), Optional.empty(), "boss"))
                    .isInstanceOf(ConsoleUsers.Outcome.Done.class);
        }
        try (Storage storage = Storage.open(dir, settings)) {
            ConsoleUsers again = ConsoleUsers.of(List.of(user("boss", "{noop}x", Role.SUPERVISOR)),
                    MapDbPeople.open(storage), Clock.systemUTC());
            ConsoleUser nima = again.find("nima").orElseThrow();
            assertThat(nima.password()).startsWith("$2a$12$");
            assertThat(again.passwordEncoder().matches("a long enough one", nima.password())).isTrue();
            assertThat(nima.dialString()).contains("PJSIP/105");
            assertThat(again.changes(10)).singleElement().satisfies(change -> {
                assertThat(change.by()).isEqualTo("boss");
                assertThat(change.what()).isEqualTo("افزوده شد با نقش اپراتور؛ تلفن PJSIP/105");
            });
        }
    }

    @Test
    void aSupervisorCannotRemoveThemselvesNorTakeAwayTheirOwnSupervisorRole(@TempDir Path dir) {
        try (Storage storage = Storage.open(dir, new StoreSettings(Duration.ofMinutes(1), 0, 64L << 20))) {
            ConsoleUsers users = ConsoleUsers.of(List.of(), MapDbPeople.open(storage), Clock.systemUTC());
            users.add("sima", "a long enough one", Set.of(Role.SUPERVISOR), Optional.empty(), Optional.empty(), "supervisor");

            assertThat(users.remove("sima", "sima")).isEqualTo(new ConsoleUsers.Outcome.Conflict("self",
                    "a supervisor cannot remove themselves"));
            assertThat(users.change("sima", Optional.empty(), Optional.of(Set.of(Role.AGENT)), Optional.empty(), Optional.empty(), "sima"))
                    .isInstanceOf(ConsoleUsers.Outcome.Conflict.class);
            assertThat(users.find("sima").orElseThrow().roles()).containsExactly(Role.SUPERVISOR);
        }
    }

    @Test
    void nobodyMadeOnTheFirstStartOnceSomeoneWasAddedOnScreen(@TempDir Path dir) {
        try (Storage storage = Storage.open(dir, new StoreSettings(Duration.ofMinutes(1), 0, 64L << 20))) {
            MapDbPeople kept = MapDbPeople.open(storage);
            ConsoleUsers.of(List.of(), kept, Clock.systemUTC())
                    .add("sima", "a long enough one", Set.of(Role.SUPERVISOR), Optional.empty(), Optional.empty(), "supervisor");

            ConsoleUsers restarted = ConsoleUsers.of(List.of(), kept, Clock.systemUTC());

            assertThat(restarted.find(ConsoleUsers.FIRST_SUPERVISOR)).isEmpty();
            assertThat(restarted.find("sima")).isPresent();
        }
    }

    private static ConsoleUser user(String name, String password, Role role) {
        return ConsoleUser.of(name, password, Set.of(role), Optional.empty());
    }
}
