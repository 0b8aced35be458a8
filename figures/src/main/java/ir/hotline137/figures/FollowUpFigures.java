package ir.hotline137.figures;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.District;
import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.followup.Lateness;
import ir.hotline137.requests.store.RequestStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The follow-up office's figures, the managers' own performance figures: for the requests referred in a period, by
 * unit, district or category, how many got their result, how fast (registration to result: the citizen's wait), how
 * many within their deadline, how many are late now, how many came back because the citizen said the problem was
 * not fixed, and how satisfied the citizens who answered were.
 *
 * <p>One pass over the store, as {@link FiguresReport} does.
 */
public final class FollowUpFigures {
    /** What the rows are per. */
    public enum Per {
        UNIT, DISTRICT, CATEGORY;

        public static Per of(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException notOne) {
                throw new InvalidRequestException("by", "'" + name + "' is not unit, district or category");
            }
        }
    }

    /**
     * One unit's (district's, category's) figures.
     *
     * @param key                  the unit's name, the district's number or the category's id
     * @param label                as people read it
     * @param referred             requests referred in the period
     * @param resolved             of those, how many have their result
     * @param responseHoursP50     the median of registration to result, in hours; null when none resolved
     * @param responseHoursP90     the 90th percentile of the same
     * @param withinDeadline       of the resolved, the share whose result came by the deadline; null when none
     * @param lateNow              of the referred, how many are still open and past their deadline today
     * @param forTheMayor          of those, how many are past twice the time given
     * @param reopened             how many came back because the citizen said the problem was not fixed
     * @param satisfactionAnswers  how many citizens gave a score
     * @param satisfactionAverage  their average score (1 to 5); null when nobody answered
     */
    public record Row(String key, String label, long referred, long resolved, Double responseHoursP50,
                      Double responseHoursP90, Double withinDeadline, long lateNow, long forTheMayor, long reopened,
                      long satisfactionAnswers, Double satisfactionAverage) {
    }

    /** The figures of one period, worst first: the most requests late now, then the most referred. */
    public record Report(LocalDate from, LocalDate to, Per per, List<Row> rows) {
    }

    private final RequestStore store;
    private final Map<Integer, String> districtNames = new HashMap<>();
    private final Map<String, String> categoryLabels = new HashMap<>();
    private final Clock clock;

    public FollowUpFigures(RequestStore store, List<District> districts, List<Category> categories, Clock clock) {
        this.store = store;
        this.clock = clock;
        districts.forEach(d -> districtNames.put(d.number(), d.name()));
        categories.forEach(c -> categoryLabels.put(c.id(), c.label()));
    }

    /**
     * The requests referred in the last {@code days} days, today included, per unit, district or category.
     *
     * @throws InvalidRequestException naming "days" unless it is between 1 and {@value FiguresReport#MAX_DAYS}
     */
    public Report compute(int days, Per per) {
        if (days < 1 || days > FiguresReport.MAX_DAYS) {
            throw new InvalidRequestException("days", days + " is not between 1 and " + FiguresReport.MAX_DAYS);
        }
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate from = today.minusDays(days - 1L);
        Instant start = from.atStartOfDay(zone).toInstant();
        Function<CitizenRequest, String> keyOf = switch (per) {
            case UNIT -> request -> request.referral().orElseThrow().unit();
            case DISTRICT -> request -> Integer.toString(request.district());
            case CATEGORY -> CitizenRequest::category;
        };
        Map<String, Tally> tallies = new TreeMap<>();
        store.forEach(request -> {
            Optional<Referral> referral = request.referral();
            if (referral.isEmpty() || referral.get().referredAt().isBefore(start)) {
                return;
            }
            tallies.computeIfAbsent(keyOf.apply(request), key -> new Tally()).add(request, referral.get(), today, zone);
        });
        List<Row> rows = new ArrayList<>();
        tallies.forEach((key, tally) -> rows.add(tally.row(key, label(per, key))));
        rows.sort((a, b) -> a.lateNow() != b.lateNow() ? Long.compare(b.lateNow(), a.lateNow())
                : Long.compare(b.referred(), a.referred()));
        return new Report(from, today, per, List.copyOf(rows));
    }

    private String label(Per per, String key) {
        return switch (per) {
            case UNIT -> key;
            case DISTRICT -> districtNames.getOrDefault(Integer.parseInt(key), key);
            case CATEGORY -> categoryLabels.getOrDefault(key, key);
        };
    }

    /** One row's running counts. */
    private static final class Tally {
        long referred;
        long resolved;
        long inTime;
        long lateNow;
        long forTheMayor;
        long reopened;
        long scores;
        long scoreSum;
        final List<Long> responseMinutes = new ArrayList<>();

        void add(CitizenRequest request, Referral referral, LocalDate today, ZoneId zone) {
            referred++;
            if (request.resultAt().isPresent()) {
                Instant resultAt = request.resultAt().get();
                resolved++;
                responseMinutes.add(Duration.between(request.createdAt(), resultAt).toMinutes());
                if (!LocalDate.ofInstant(resultAt, zone).isAfter(referral.deadline())) {
                    inTime++;
                }
            }
            if (request.isOpen()) {
                Lateness lateness = Lateness.of(referral, today, zone);
                if (lateness.isLate()) {
                    lateNow++;
                }
                if (lateness == Lateness.FOR_THE_MAYOR) {
                    forTheMayor++;
                }
            }
            if (request.reopened() > 0) {
                reopened++;
            }
            request.satisfaction().ifPresent(answer -> {
                scores++;
                scoreSum += answer.score();
            });
        }

        Row row(String key, String label) {
            responseMinutes.sort(Long::compare);
            return new Row(key, label, referred, resolved, hours(percentile(0.5)), hours(percentile(0.9)),
                    resolved == 0 ? null : (double) inTime / resolved, lateNow, forTheMayor, reopened, scores,
                    scores == 0 ? null : (double) scoreSum / scores);
        }

        /** The nearest-rank percentile: a value that was observed, never one made up between two. */
        private Long percentile(double p) {
            if (responseMinutes.isEmpty()) {
                return null;
            }
            int rank = (int) Math.ceil(p * responseMinutes.size());
            return responseMinutes.get(Math.max(0, rank - 1));
        }

        private static Double hours(Long minutes) {
            return minutes == null ? null : Math.round(minutes / 6.0) / 10.0;
        }
    }
}
