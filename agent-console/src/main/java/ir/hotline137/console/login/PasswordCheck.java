package ir.hotline137.console.login;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks a name and password, for the login form and for HTTP Basic alike.
 *
 * <ul>
 *   <li>A locked name or address is refused before its password is looked at ({@link LoginThrottle}).</li>
 *   <li>An unknown name costs as much time as a known one: its password is checked against a hash of the same
 *       strength, so the time of an answer does not tell which names exist.</li>
 *   <li>Every refusal is one line on the {@code ir.hotline137.console.login} logger, in a fixed form an operator or
 *       fail2ban can act on: {@code login refused: reason=wrong-password user="…" address=…}.</li>
 * </ul>
 * bcrypt is slow by design, so it runs off the request threads.
 */
public final class PasswordCheck implements ReactiveAuthenticationManager {
    private static final Logger refusals = LoggerFactory.getLogger("ir.hotline137.console.login");
    private static final Pattern BCRYPT_COST = Pattern.compile("^(?:\\{bcrypt})?\\$2[aby]?\\$(\\d{2})\\$");
    /** As strong as the hashes people added on screen get, so an unknown name never answers faster than they. */
    private static final int LEAST_COST = 12;
    /** No one's name is longer (people's are at most 32); a longer one is not checked nor remembered. */
    private static final int LONGEST_NAME = 100;

    private final ConsoleUsers users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final String unknownUsersHash;

    public PasswordCheck(ConsoleUsers users, LoginThrottle throttle) {
        this.users = users;
        this.passwords = users.passwordEncoder();
        this.throttle = throttle;
        this.unknownUsersHash = new BCryptPasswordEncoder(strongestCost(users)).encode("no such user");
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        String name = attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        return Mono.deferContextual(context -> {
            String address = ClientAddress.of(context);
            if (name.length() > LONGEST_NAME) {
                refused("unknown-user", name, address);
                return Mono.error(new BadCredentialsException("wrong user name or password"));
            }
            Optional<Duration> locked = throttle.lockedFor(name, address);
            if (locked.isPresent()) {
                refused("locked", name, address);
                return Mono.error(new LockedException(Long.toString(minutesUp(locked.get()))));
            }
            throttle.failed(name, address);
            return Mono.fromCallable(() -> check(name, password, address)).subscribeOn(Schedulers.boundedElastic());
        });
    }

    private Authentication check(String name, String password, String address) {
        Optional<ConsoleUser> user = users.find(name);
        UserDetails details = user.map(users::details).orElse(null);
        boolean right = passwords.matches(password, details == null ? unknownUsersHash : details.getPassword());
        if (details == null || !right) {
            refused(details == null ? "unknown-user" : "wrong-password", name, address);
            throw new BadCredentialsException("wrong user name or password");
        }
        throttle.succeeded(name, address);
        return UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
    }

    /** The wait a lock still has, in whole minutes rounded up, as the login page says it. */
    public static long minutesUp(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    private static void refused(String reason, String name, String address) {
        refusals.warn("login refused: reason={} user=\"{}\" address={}", reason, printable(name), address);
    }

    /** A name as typed can hold anything; in the log it must stay on one line and inside its quotes. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(64).forEach(c -> out.appendCodePoint(
                Character.isISOControl(c) || c == '"' || c == '\\' ? '?' : c));
        return out.toString();
    }

    private static int strongestCost(ConsoleUsers users) {
        int cost = 0;
        for (ConsoleUser user : users.all()) {
            Matcher m = BCRYPT_COST.matcher(user.password());
            if (m.find()) {
                cost = Math.max(cost, Integer.parseInt(m.group(1)));
            }
        }
        return Math.max(LEAST_COST, cost);
    }
}
