package ir.hotline137.console.open311;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A client files as many as its limit in any minute, then waits until the oldest is a minute old; others do not. */
class MinuteLimitTest {
    @Test
    void aClientWaitsOnceItsMinuteIsFullAndOnlyThatClient() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T06:30:00Z"), ZoneId.of("Asia/Tehran"));
        MinuteLimit limit = new MinuteLimit(3, clock);
        assertThat(limit.tryOne("client 1")).isZero();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limit.tryOne("client 1")).isZero();
        assertThat(limit.tryOne("client 1")).isZero();
        assertThat(limit.tryOne("client 1")).as("the fourth within the minute: until the first is a minute old")
                .isEqualTo(40);
        assertThat(limit.tryOne("client 2")).as("another client").isZero();
        clock.advance(Duration.ofSeconds(40));
        assertThat(limit.tryOne("client 1")).as("the first filing has left the window").isZero();
        assertThat(limit.tryOne("client 1")).isEqualTo(20);
    }
}
