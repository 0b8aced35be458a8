package ir.hotline137.figures;

import ir.hotline137.calls.CallLog;
import ir.hotline137.calls.CallRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Today at the agents' queue, for the supervisor's wallboard: of the calls handed to a person since midnight in
 * the city, how many a person answered, how many callers gave up, how many waited to the end for nobody, and the
 * service level, the share answered within {@link #SERVICE_LEVEL_WAIT}. The mayor's line is a programme, not the
 * queue, and is not counted.
 *
 * @param offered           calls handed to the agents' queue today
 * @param answered          of them, answered by an agent
 * @param abandoned         the caller hung up before an agent answered
 * @param unanswered        waited to the end and got nobody (a message left for a callback, or none)
 * @param answeredInTime    answered within {@link #SERVICE_LEVEL_WAIT}
 * @param serviceLevel      answeredInTime / offered, 0..1; 1 when nobody was offered yet
 * @param averageWaitSeconds mean wait of the answered calls; 0 when none
 */
public record QueueToday(LocalDate day, long offered, long answered, long abandoned, long unanswered,
                         long answeredInTime, double serviceLevel, double averageWaitSeconds) {

    /** The usual call-centre target: answered within 30 seconds. */
    public static final Duration SERVICE_LEVEL_WAIT = Duration.ofSeconds(30);

    public static QueueToday of(CallLog calls, Clock clock) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Instant midnight = today.atStartOfDay(zone).toInstant();
        long offered = 0;
        long answered = 0;
        long abandoned = 0;
        long unanswered = 0;
        long inTime = 0;
        double waitedSeconds = 0;
        for (CallRecord call : calls.between(midnight, today.plusDays(1).atStartOfDay(zone).toInstant())) {
            Optional<Duration> waited = call.waitedForAgents();
            if (waited.isEmpty()) {
                continue;
            }
            offered++;
            // No default branch: a new outcome must be placed in one of the columns before this compiles.
            switch (call.outcome()) {
                case ESCALATED_ANSWERED, MAYOR_TALKED -> {
                    answered++;
                    waitedSeconds += waited.get().toMillis() / 1000.0;
                    if (waited.get().compareTo(SERVICE_LEVEL_WAIT) <= 0) {
                        inTime++;
                    }
                }
                case ESCALATED_ABANDONED, HUNG_UP, MAYOR_ABANDONED -> abandoned++;
                // Waited for an agent to the end and got nobody, whatever the call went on to do.
                case CALLBACK_REQUESTED, ESCALATED_UNANSWERED, ENDED, REGISTERED, JOINED, STATUS_HEARD -> unanswered++;
            }
        }
        return new QueueToday(today, offered, answered, abandoned, unanswered, inTime,
                offered == 0 ? 1.0 : (double) inTime / offered, answered == 0 ? 0 : waitedSeconds / answered);
    }
}
