package ir.hotline137.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.figures.FollowUpFigures.Per;
import ir.hotline137.figures.FollowUpFigures.Row;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.Satisfaction;
import ir.hotline137.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit's figures as its manager is judged by them, from requests carried through the real desk: results and
 * their speed, results within the deadline, what is late now and for the mayor, what citizens sent back and how
 * they scored it.
 */
class FollowUpFiguresTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final String SIX = "فنی و عمرانی منطقه ۶";
    private static final String LIGHTS = "روشنایی";

    @TempDir
    Path dir;

    @Test
    void eachUnitIsJudgedByItsOwnReferrals() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T05:30:00Z"), TEHRAN);
        try (Desks desks = new Desks(dir, clock)) {
            // Unit six: three requests with 7 days each. One done in 2 days, one in 10 (late), one still open.
            CitizenRequest fast = referred(desks, clock, SIX, 6);
            CitizenRequest slow = referred(desks, clock, SIX, 6);
            CitizenRequest open = referred(desks, clock, SIX, 6);
            clock.advance(Duration.ofDays(2));
            desks.desk.giveResult(fast.code(), "ترمیم شد", "unit6");
            desks.desk.answered(fast.code(), new Satisfaction(4, Optional.of(true), clock.instant()), Optional.empty(),
                    "ivr");
            clock.advance(Duration.ofDays(8));
            desks.desk.giveResult(slow.code(), "ترمیم شد", "unit6");
            desks.desk.answered(slow.code(), new Satisfaction(1, Optional.of(false), clock.instant()), Optional.empty(),
                    "ivr");
            // The lighting unit: one request, done on its last day.
            CitizenRequest light = referred(desks, clock, LIGHTS, 7);
            clock.advance(Duration.ofDays(7));
            desks.desk.giveResult(light.code(), "لامپ عوض شد", "lights");
            clock.advance(Duration.ofDays(8));

            FollowUpFigures.Report report = new FollowUpFigures(desks.store, Desks.DISTRICTS, Desks.CATEGORIES, clock)
                    .compute(30, Per.UNIT);

            assertThat(report.rows()).extracting(Row::key).as("the unit with work late now first")
                    .containsExactly(SIX, LIGHTS);
            Row six = report.rows().getFirst();
            assertThat(six.referred()).isEqualTo(3);
            assertThat(six.resolved()).as("the reopened one waits for a result again").isEqualTo(1);
            assertThat(six.responseHoursP50()).isEqualTo(48.0);
            assertThat(six.withinDeadline()).isEqualTo(1.0);
            assertThat(six.lateNow()).as("the open one and the reopened one").isEqualTo(2);
            assertThat(six.forTheMayor()).as("18 days on a 7-day deadline").isEqualTo(2);
            assertThat(six.reopened()).isEqualTo(1);
            assertThat(six.satisfactionAnswers()).isEqualTo(2);
            assertThat(six.satisfactionAverage()).isEqualTo(2.5);
            Row lights = report.rows().get(1);
            assertThat(lights.resolved()).isEqualTo(1);
            assertThat(lights.responseHoursP90()).isEqualTo(7 * 24.0);
            assertThat(lights.withinDeadline()).as("on the deadline day is in time").isEqualTo(1.0);
            assertThat(lights.satisfactionAverage()).isNull();
            assertThat(report.to()).isEqualTo(LocalDate.of(2026, 11, 26));

            assertThat(new FollowUpFigures(desks.store, Desks.DISTRICTS, Desks.CATEGORIES, clock)
                    .compute(30, Per.DISTRICT).rows()).extracting(Row::key, Row::referred)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("6", 3L), org.assertj.core.groups.Tuple.tuple("7", 1L));
            assertThat(new FollowUpFigures(desks.store, Desks.DISTRICTS, Desks.CATEGORIES, clock)
                    .compute(5, Per.UNIT).rows()).as("nothing referred in the last five days").isEmpty();
            assertThatThrownBy(() -> Per.of("street")).isInstanceOf(InvalidRequestException.class);
        }
    }

    private static CitizenRequest referred(Desks desks, MutableClock clock, String unit, int district) {
        CitizenRequest request = desks.desk.register(NewRequest.fromCaller("0912" + (1_000_000 + district * 10),
                district, "چاله بزرگ جلوی مدرسه", RequestSource.AGENT));
        desks.desk.refer(request.code(), Optional.of(unit), Optional.empty(),
                Optional.of(LocalDate.ofInstant(clock.instant(), TEHRAN).plusDays(7)), "maryam");
        return request;
    }
}
