package ir.hotline137.console.login;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard guessing a password is made ({@code hotline.login.*}).
 *
 * @param userFailures    wrong passwords in a row for one user name before it is locked
 * @param addressFailures wrong passwords from one address before it is locked, whatever names it tries
 * @param lockout         the first lock; each further lock of the same name or address lasts twice the one before
 * @param maxLockout      the longest a lock lasts; also how long a name or address is remembered after its last
 *                        failure
 * @param sessionIdle     how long a logged-in session lasts unused (an open console page keeps its own alive)
 */
public record LoginSettings(int userFailures, int addressFailures, Duration lockout, Duration maxLockout,
                            Duration sessionIdle) {
    public LoginSettings {
        if (userFailures < 1 || addressFailures < 1) {
            throw new IllegalArgumentException("hotline.login.user-failures and address-failures must be at least 1");
        }
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(maxLockout, "maxLockout");
        if (sessionIdle == null || sessionIdle.toMinutes() < 1) {
            throw new IllegalArgumentException("hotline.login.session-idle must be at least a minute, not " + sessionIdle);
        }
        if (lockout.isNegative() || lockout.isZero() || maxLockout.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("hotline.login.lockout must be positive and at most "
                    + "hotline.login.max-lockout");
        }
    }
}
