package ir.hotline137.console.shift;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.switchboard.AwayReason;
import ir.hotline137.switchboard.Presence;
import ir.hotline137.testsupport.TestPostgres;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An agent's shift in PostgreSQL, as in the data folder: a day's marks with the one before it, who is still on duty
 * after a restart, and each agent's own wrap-up of a call.
 */
class PostgresShiftsTest {
    private static final Instant MORNING = Instant.parse("2026-12-05T04:30:00Z");

    @Test
    void marksWrapUpsAndWhoIsStillOnDutyAreKept() throws Exception {
        try (TestPostgres postgres = TestPostgres.freshSchema()) {
            try (PostgresDatabase database = open(postgres)) {
                Shifts shifts = PostgresShifts.open(database);
                shifts.mark(new PresenceMark("nadia", MORNING.minusSeconds(3_600), Optional.of(Presence.AVAILABLE),
                        Optional.empty(), Optional.empty()));
                shifts.mark(new PresenceMark("nadia", MORNING.plusSeconds(60), Optional.of(Presence.AWAY),
                        Optional.of(AwayReason.PRAYER), Optional.empty()));
                shifts.mark(new PresenceMark("nadia", MORNING.plusSeconds(900), Optional.of(Presence.AVAILABLE),
                        Optional.empty(), Optional.empty()));
                shifts.mark(new PresenceMark("reza", MORNING, Optional.of(Presence.AVAILABLE), Optional.empty(),
                        Optional.empty()));
                shifts.mark(new PresenceMark("reza", MORNING.plusSeconds(30), Optional.empty(), Optional.empty(),
                        Optional.empty()));
                shifts.wrapUp(new WrapUp("call-1", "nadia", WrapUpCode.NEW_REQUEST, "", MORNING.plusSeconds(120)));
                shifts.wrapUp(new WrapUp("call-1", "reza", WrapUpCode.JOINED_REQUEST, "دوباره", MORNING.plusSeconds(130)));
            }
            try (PostgresDatabase database = open(postgres)) {
                Shifts shifts = PostgresShifts.open(database);
                assertThat(shifts.marks("nadia", MORNING)).extracting(PresenceMark::at).as("with the one before")
                        .containsExactly(MORNING.minusSeconds(3_600), MORNING.plusSeconds(60), MORNING.plusSeconds(900));
                assertThat(shifts.stillOnDuty()).extracting(PresenceMark::username).containsExactly("nadia");
                assertThat(shifts.wrapUpOf("nadia", "call-1")).map(WrapUp::code).contains(WrapUpCode.NEW_REQUEST);
                assertThat(shifts.wrapUpOf("reza", "call-1")).map(WrapUp::note).contains("دوباره");
                assertThat(shifts.wrapUpOf("sara", "call-1")).isEmpty();
            }
        }
    }

    private static PostgresDatabase open(TestPostgres postgres) {
        return PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 2));
    }
}
