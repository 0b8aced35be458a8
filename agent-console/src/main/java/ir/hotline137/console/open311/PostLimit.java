package ir.hotline137.console.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests one client may file: at most so many in any minute (a sliding window of the times it filed).
 * In memory: a restart forgets, which at worst lets a client file one more minute's worth.
 */
final class PostLimit {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Deque<Instant>> filed = new ConcurrentHashMap<>();

    PostLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /**
     * Counts one filing for the client if it is within its limit.
     *
     * @return seconds until it may file again, or 0 when this one is allowed (and counted)
     */
    long tryFile(long client) {
        Instant now = clock.instant();
        Deque<Instant> times = filed.computeIfAbsent(client, c -> new ArrayDeque<>());
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
