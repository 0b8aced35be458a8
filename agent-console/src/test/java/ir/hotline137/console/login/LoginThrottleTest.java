package ir.hotline137.console.login;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Guessing is slowed by name and by address, each lock twice the last up to the ceiling. */
class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC);
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginSettings(3, 10, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30)), clock);

    @Test
    void aNameIsLockedAfterWrongPasswordsInARowAndEachLockLastsTwiceTheLastUpToTheCeiling() {
        fail("ali", "10.0.0.1", 2);
        assertThat(throttle.lockedFor("ali", "10.0.0.1")).isEmpty();

        fail("ali", "10.0.0.1", 1);
        assertThat(throttle.lockedFor("ali", "10.0.0.2")).as("from any address").contains(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("reza", "10.0.0.2")).as("other names are not locked").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("ali", "10.0.0.1")).isEmpty();
        fail("ali", "10.0.0.1", 3);
        assertThat(throttle.lockedFor("ali", "10.0.0.1")).contains(Duration.ofMinutes(2));

        clock.advance(Duration.ofMinutes(2));
        fail("ali", "10.0.0.1", 3);
        assertThat(throttle.lockedFor("ali", "10.0.0.1")).contains(Duration.ofMinutes(4));

        clock.advance(Duration.ofMinutes(4));
        fail("ali", "10.0.0.3", 3);
        assertThat(throttle.lockedFor("ali", "10.0.0.3")).as("the ceiling").contains(Duration.ofMinutes(5));
    }

    @Test
    void aRightPasswordClearsItsNamesCountButNotTheAddresses() {
        fail("ali", "10.0.0.1", 2);
        throttle.failed("ali", "10.0.0.1"); // an attempt is counted when it begins, and taken back when it is right
        throttle.succeeded("ali", "10.0.0.1");
        fail("ali", "10.0.0.1", 2);
        assertThat(throttle.lockedFor("ali", "10.0.0.1")).isEmpty();

        // The address has failed four times now; six more names tried from it lock it for everyone there.
        for (String name : new String[] {"a", "b", "c", "d", "e"}) {
            fail(name, "10.0.0.1", 1);
        }
        assertThat(throttle.lockedFor("anyone", "10.0.0.1")).isEmpty();
        fail("f", "10.0.0.1", 1);
        assertThat(throttle.lockedFor("anyone", "10.0.0.1")).contains(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("anyone", "10.0.0.9")).isEmpty();
    }

    @Test
    void failuresLongAgoAreForgotten() {
        fail("ali", "10.0.0.1", 2);
        clock.advance(Duration.ofMinutes(6));
        fail("ali", "10.0.0.1", 2);
        assertThat(throttle.lockedFor("ali", "10.0.0.1")).isEmpty();
    }

    private void fail(String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(name, address);
        }
    }
}
