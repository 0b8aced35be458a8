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
 * ceiling; a right password unlocks nothing early, but once through it clears its name's count. An attempt is
 * counted as a failure when it begins, before its password is checked, so a thousand guesses sent at once are
 * counted as they come, not after the slow check lets them all through; a right one is taken back. Kept in
 * memory: a restart forgets the counts, which costs an attacker a restart they cannot cause.
 */
public final class LoginThrottle {
    /** More remembered names or addresses than this, and those with no lock running are forgotten. */
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

    /**
     * The name's count starts again; the address's keeps the others it had, or one valid account would shield a
     * guesser. The attempt itself, counted as a failure when it began (see {@link #failed}), is taken back.
     */
    public void succeeded(String user, String address) {
        users.remove(user);
        addresses.computeIfPresent(address, (k, s) -> s.failures() > 0
                ? new Strikes(s.failures() - 1, s.locks(), s.lockedUntil(), s.last()) : s);
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
        if (keys.size() > REMEMBERED) {
            // A flood of names or addresses: the counts of those not locked are given up, the locks are kept.
            keys.values().removeIf(s -> !s.lockedUntil().isAfter(now));
        }
    }
}
