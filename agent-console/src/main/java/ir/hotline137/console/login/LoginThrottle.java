package ir.hotline137.console.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down: after a few wrong passwords in a row a user name is locked for a while, and so is
 * an address that tries many (one guessing at many names). Each further lock lasts twice as long, up to a
 * ceiling; a right password unlocks nothing early, but once through it clears its name's count. Kept in memory:
 * a restart forgets the counts, which costs an attacker a restart they cannot cause.
 */
public final class LoginThrottle {
    /** More remembered names and addresses than this, and the oldest quiet ones are forgotten. */
    private static final int REMEMBERED = 50_000;

    private final LoginSettings settings;
    private final Clock clock;
    private final Map<String, Strikes> users = new ConcurrentHashMap<>();
    private final Map<String, Strikes> addresses = new ConcurrentHashMap<>();

    public LoginThrottle(LoginSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Wrong passwords in a row, and how often this key has been locked. */
    private record Strikes(int failures, int locks, Instant lockedUntil, Instant last) {
    }

    /** How long until {@code user} from {@code address} may try again; empty when they may now. */
    public Optional<Duration> lockedFor(String user, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (Strikes s : new Strikes[] {users.get(user), addresses.get(address)}) {
            if (s != null && s.lockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, s.lockedUntil());
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        forgetQuiet(users, now);
        forgetQuiet(addresses, now);
        users.compute(user, (k, s) -> strike(s, settings.userFailures(), now));
        addresses.compute(address, (k, s) -> strike(s, settings.addressFailures(), now));
    }

    /** The name's count starts again; the address's does not, or one valid account would shield a guesser. */
    public void succeeded(String user) {
        users.remove(user);
    }

    private Strikes strike(Strikes before, int allowed, Instant now) {
        Strikes s = before == null || isForgotten(before, now) ? new Strikes(0, 0, Instant.EPOCH, now) : before;
        int failures = s.failures() + 1;
        if (failures < allowed) {
            return new Strikes(failures, s.locks(), s.lockedUntil(), now);
        }
        Duration lock = settings.lockout().multipliedBy(1L << Math.min(s.locks(), 20));
        if (lock.compareTo(settings.maxLockout()) > 0) {
            lock = settings.maxLockout();
        }
        return new Strikes(0, s.locks() + 1, now.plus(lock), now);
    }

    private boolean isForgotten(Strikes s, Instant now) {
        return !s.lockedUntil().isAfter(now) && s.last().plus(settings.maxLockout()).isBefore(now);
    }

    private void forgetQuiet(Map<String, Strikes> keys, Instant now) {
        if (keys.size() > REMEMBERED) {
            keys.values().removeIf(s -> isForgotten(s, now));
        }
    }
}
