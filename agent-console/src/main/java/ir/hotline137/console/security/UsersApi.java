package ir.hotline137.console.security;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Supervisors see who may use the console and with which roles (never a password). */
@RestController
public class UsersApi {
    private final ConsoleUsers users;

    public UsersApi(ConsoleUsers users) {
        this.users = users;
    }

    /** One person, as a supervisor sees them. */
    public record Person(String username, List<Role> roles, String dialString) {
    }

    @GetMapping("/api/users")
    public List<Person> people() {
        return users.all().stream()
                .map(user -> new Person(user.username(), user.roles().stream().sorted().toList(),
                        user.dialString().orElse(null)))
                .toList();
    }
}
