package ir.hotline137.figures;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.calls.MapDbCallLog;
import ir.hotline137.requests.Desks;
import ir.hotline137.store.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Today at the agents' queue: counted from midnight in the city, the mayor's line and the menus left out. */
class QueueTodayTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    @TempDir
    Path dir;

    @Test
    void theServiceLevelIsTheShareOfOfferedCallsAnsweredWithinThirtySeconds() {
        Clock clock = Clock.fixed(tehran("2026-12-05T15:00"), TEHRAN);
        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS)) {
            MapDbCallLog calls = MapDbCallLog.open(storage);
            calls.record(toAgents("fast", tehran("2026-12-05T09:00"), CallOutcome.ESCALATED_ANSWERED, 12));
            calls.record(toAgents("exactly-30", tehran("2026-12-05T09:10"), CallOutcome.ESCALATED_ANSWERED, 30));
            calls.record(toAgents("slow", tehran("2026-12-05T09:20"), CallOutcome.ESCALATED_ANSWERED, 90));
            calls.record(toAgents("gave-up", tehran("2026-12-05T09:30"), CallOutcome.ESCALATED_ABANDONED, 40));
            calls.record(toAgents("nobody", tehran("2026-12-05T09:40"), CallOutcome.CALLBACK_REQUESTED, 300));
            calls.record(toAgents("yesterday", tehran("2026-12-04T23:59"), CallOutcome.ESCALATED_ANSWERED, 5));
            calls.record(new CallRecord("menus", Optional.empty(), tehran("2026-12-05T10:00"),
                    tehran("2026-12-05T10:01"), List.of("menu:1", "registered"), CallOutcome.REGISTERED,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            calls.record(new CallRecord("mayor", Optional.empty(), tehran("2026-12-05T11:00"),
                    tehran("2026-12-05T11:20"), List.of("menu:4", "mayor:joined"), CallOutcome.MAYOR_TALKED,
                    Optional.empty(), Optional.of(Duration.ofMinutes(15)), Optional.of("mayor"), Optional.empty()));

            QueueToday today = QueueToday.of(calls, clock);

            assertThat(today.offered()).isEqualTo(5);
            assertThat(today.answered()).isEqualTo(3);
            assertThat(today.abandoned()).isEqualTo(1);
            assertThat(today.unanswered()).isEqualTo(1);
            assertThat(today.answeredInTime()).isEqualTo(2);
            assertThat(today.serviceLevel()).isEqualTo(0.4);
            assertThat(today.averageWaitSeconds()).isEqualTo(44.0);
        }
    }

    private static CallRecord toAgents(String id, Instant at, CallOutcome outcome, int waitedSeconds) {
        return new CallRecord(id, Optional.empty(), at, at.plusSeconds(waitedSeconds + 60),
                List.of("menu:0", CallRecord.TO_AGENTS + "asked_for_agent"), outcome, Optional.empty(),
                Optional.of(Duration.ofSeconds(waitedSeconds)), Optional.empty(), Optional.empty());
    }

    private static Instant tehran(String local) {
        return LocalDateTime.parse(local).atZone(TEHRAN).toInstant();
    }
}
