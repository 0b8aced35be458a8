package ir.hotline137.calls;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.TrackingCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every call log promises, asked of each: the embedded one and PostgreSQL's. Every field comes back as it was
 * recorded, after a reopen too; a range includes its start and excludes its end, in start order to the nanosecond;
 * calls starting in the same instant are all kept.
 */
abstract class CallLogContract {
    static final Instant MORNING = Instant.parse("2025-03-01T07:30:00Z");

    /** A log on fresh data. */
    abstract CallLog open() throws Exception;

    /** The same data opened again (the log before it is closed). */
    abstract CallLog reopen() throws Exception;

    @AfterEach
    abstract void release() throws Exception;

    @Test
    void everyFieldComesBackAsItWasRecorded() throws Exception {
        CallRecord full = new CallRecord("1740814200.17", Optional.of(new CallerNumber("09121234567")),
                MORNING.plusNanos(123_456_789), MORNING.plusSeconds(301),
                List.of("menu:0", "district:5", "description", "switchboard"), CallOutcome.ESCALATED_ANSWERED,
                Optional.of(TrackingCode.parse(code(1))), Optional.of(Duration.ofSeconds(95, 500_000_000)),
                Optional.of("sara"), Optional.of("/data/recordings/2025/03/01/1740814200.17.wav"));
        CallRecord bare = new CallRecord("1740814200.18", Optional.empty(), MORNING.plusSeconds(400),
                MORNING.plusSeconds(410), List.of(), CallOutcome.HUNG_UP,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        CallLog log = open();
        log.record(full);
        log.record(bare);
        log = reopen();
        assertThat(log.between(MORNING, MORNING.plusSeconds(3_600))).containsExactly(full, bare);
    }

    @Test
    void persianTextInFieldsSurvives() throws Exception {
        CallRecord call = new CallRecord("1740814200.1", Optional.empty(), MORNING, MORNING.plusSeconds(30),
                List.of("منو:۱", "منطقه:۵"), CallOutcome.ENDED, Optional.empty(), Optional.empty(),
                Optional.of("سارا"), Optional.of("/data/ضبط/تماس.wav"));
        CallLog log = open();
        log.record(call);

        assertThat(log.between(MORNING, MORNING.plusSeconds(1))).containsExactly(call);
    }

    @Test
    void betweenIncludesTheStartAndExcludesTheEndInStartOrder() throws Exception {
        {
            CallLog log = open();
            CallRecord before = call("c0", MORNING.minusNanos(1));
            CallRecord atStart = call("c1", MORNING);
            CallRecord later = call("c2", MORNING.plusSeconds(3_000));
            CallRecord sameMilliLater = call("c3", MORNING.plusSeconds(60).plusNanos(900_000));
            CallRecord sameMilliEarlier = call("c4", MORNING.plusSeconds(60).plusNanos(100_000));
            CallRecord justBeforeEnd = call("c5", MORNING.plusSeconds(3_600).minusNanos(1));
            CallRecord atEnd = call("c6", MORNING.plusSeconds(3_600));
            // Recorded out of start order, as calls end in a different order from the one they began in.
            for (CallRecord call : List.of(later, atEnd, justBeforeEnd, sameMilliLater, before, sameMilliEarlier, atStart)) {
                log.record(call);
            }

            assertThat(log.between(MORNING, MORNING.plusSeconds(3_600))).extracting(CallRecord::callId)
                    .containsExactly("c1", "c4", "c3", "c2", "c5");
            assertThat(log.between(MORNING.plusSeconds(60).plusNanos(500_000), MORNING.plusSeconds(61)))
                    .extracting(CallRecord::callId).containsExactly("c3");
            assertThat(log.between(Instant.MIN, Instant.MAX)).hasSize(7);
            assertThat(log.between(MORNING.plusSeconds(10), MORNING)).isEmpty();
            assertThat(log.between(MORNING, MORNING)).isEmpty();
            assertThat(log.count()).isEqualTo(7);
        }
    }

    @Test
    void callsStartingInTheSameInstantAreAllKept() throws Exception {
        {
            CallLog log = open();
            log.record(call("a", MORNING));
            log.record(call("b", MORNING));
            log.record(call("c", MORNING));

            assertThat(log.between(MORNING, MORNING.plusMillis(1))).extracting(CallRecord::callId)
                    .containsExactly("a", "b", "c");
            assertThat(log.count()).isEqualTo(3);
        }
    }

    static CallRecord call(String id, Instant startedAt) {
        return new CallRecord(id, Optional.of(new CallerNumber("02188776655")), startedAt, startedAt.plusSeconds(90),
                List.of("menu:2"), CallOutcome.STATUS_HEARD, Optional.of(TrackingCode.parse(code(7))),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A valid tracking code (seven digits and the check digit). */
    static String code(int n) {
        String body = Integer.toString(1_000_000 + n);
        return body + TrackingCode.checkDigit(body);
    }
}
