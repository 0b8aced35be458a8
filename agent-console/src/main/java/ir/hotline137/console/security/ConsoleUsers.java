package ir.hotline137.console.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people who may log in, as configured. Passwords are never kept in clear text: configuration holds
 * bcrypt hashes (plain text only behind an explicit {@code {noop}}, for tests), and a fresh install with nobody
 * configured gets one supervisor with a random password that is shown once in the log and lives only as long
 * as the process.
 */
public final class ConsoleUsers {
    private static final Logger log = LoggerFactory.getLogger(ConsoleUsers.class);
    /** The account made when nobody is configured. */
    public static final String FIRST_SUPERVISOR = "supervisor";

    private final Map<String, ConsoleUser> byName;
    private final PasswordEncoder passwords;

    private ConsoleUsers(Map<String, ConsoleUser> byName, PasswordEncoder passwords) {
        this.byName = byName;
        this.passwords = passwords;
    }

    /**
     * @param configured the people from {@code hotline.users}
     * @throws IllegalArgumentException naming the entry, for a password in clear text, a repeated name, or
     *                                  nobody with any role
     */
    public static ConsoleUsers of(List<ConsoleUser> configured) {
        DelegatingPasswordEncoder passwords =
                (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        // A bare bcrypt hash, as htpasswd and most tools print it, is accepted without the {bcrypt} prefix.
        passwords.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        List<ConsoleUser> users = new ArrayList<>(configured);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            ConsoleUser user = users.get(i);
            String where = "hotline.users[" + i + "]";
            if (user.username().isBlank() || !names.add(user.username())) {
                throw new IllegalArgumentException(where + ".username is blank or repeated: '" + user.username() + "'");
            }
            if (!isHashOrMarked(user.password())) {
                throw new IllegalArgumentException(where + ".password must be a bcrypt hash (e.g. from "
                        + "`htpasswd -bnBC 12 \"\" PASSWORD | tr -d ':'`), or {noop}text for tests; never clear text");
            }
            if (user.roles().isEmpty()) {
                throw new IllegalArgumentException(where + ".roles is empty: give AGENT, MODERATOR, MAYOR or SUPERVISOR");
            }
        }
        if (users.isEmpty()) {
            String password = randomPassword();
            users.add(new ConsoleUser(FIRST_SUPERVISOR, passwords.encode(password), Set.of(Role.SUPERVISOR),
                    Optional.empty()));
            log.warn("No console users are configured (hotline.users). For this run only, log in as '{}' with "
                    + "password {} and add people to hotline.users (username, bcrypt password, roles, dial-string).",
                    FIRST_SUPERVISOR, password);
        }
        return new ConsoleUsers(users.stream().collect(Collectors.toUnmodifiableMap(ConsoleUser::username,
                Function.identity())), passwords);
    }

    public Optional<ConsoleUser> find(String username) {
        return Optional.ofNullable(byName.get(username));
    }

    public List<ConsoleUser> all() {
        return byName.values().stream().sorted(Comparator.comparing(ConsoleUser::username)).toList();
    }

    /** For Spring Security: the person with their roles as {@code ROLE_…} authorities. */
    public UserDetails details(ConsoleUser user) {
        return User.withUsername(user.username())
                .password(user.password())
                .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                .build();
    }

    public PasswordEncoder passwordEncoder() {
        return passwords;
    }

    private static boolean isHashOrMarked(String password) {
        String hash = password.startsWith("{bcrypt}") ? password.substring("{bcrypt}".length()) : password;
        return password.startsWith("{noop}") || hash.startsWith("$2a$") || hash.startsWith("$2b$")
                || hash.startsWith("$2y$");
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
