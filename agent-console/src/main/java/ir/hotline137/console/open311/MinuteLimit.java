package ir.hotline137.console.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most so many in any minute for each one (a client filing, an address reading): a sliding window of the times it
 * came. In memory: a restart forgets, which at worst lets one more minute's worth through.
 */
final class MinuteLimit {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> filed = new ConcurrentHashMap<>();

    MinuteLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /**
     * Counts one for {@code who} if it is within the limit.
     *
     * @return seconds until {@code who} may come again, or 0 when this one is allowed (and counted)
     */
    long tryOne(String who) {
        Instant now = clock.instant();
        Deque<Instant> times = filed.computeIfAbsent(who, c -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(MINUTE))) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return Math.max(1, Duration.between(now, times.peekFirst().plus(MINUTE)).toSeconds());
            }
            times.addLast(now);
            return 0;
        }
    }
}
