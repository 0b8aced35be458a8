package ir.hotline137.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
        assertThatThrownBy(() -> ConsoleUsers.of(List.of(new ConsoleUser("b", "{noop}x", Set.of(), Optional.empty()))))
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

    private static ConsoleUser user(String name, String password, Role role) {
        return new ConsoleUser(name, password, Set.of(role), Optional.empty());
    }
}
