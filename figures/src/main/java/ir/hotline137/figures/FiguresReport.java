package ir.hotline137.figures;

import ir.hotline137.calls.CallLog;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.District;
import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.store.RequestStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes the supervisor's {@link Figures} from the store and the call log. Days are days of the clock's
 * zone, the city's: a request registered at 01:00 in Tehran belongs to that Tehran day, although in UTC it
 * is still the evening before.
 *
 * <p>The store is read in one pass, so the cost grows with the number of requests, not with the number of
 * figures; the call log is read a day at a time, so a year of calls never sits in memory at once.
 */
public final class FiguresReport {
    public static final int MAX_DAYS = 366;

    private final RequestStore store;
    private final CallLog calls;
    private final Map<Integer, String> districtNames = new HashMap<>();
    private final Map<String, String> categoryLabels = new HashMap<>();
    private final Clock clock;

    public FiguresReport(RequestStore store, CallLog calls, List<District> districts, List<Category> categories,
                         Clock clock) {
        this.store = store;
        this.calls = calls;
        this.clock = clock;
        districts.forEach(d -> districtNames.put(d.number(), d.name()));
        categories.forEach(c -> categoryLabels.put(c.id(), c.label()));
    }

    /**
     * The figures of the last {@code days} days, today included.
     *
     * @throws InvalidRequestException naming "days" unless it is between 1 and {@value #MAX_DAYS}
     */
    public Figures compute(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidRequestException("days", days + " is not between 1 and " + MAX_DAYS);
        }
        ZoneId zone = clock.getZone();
        LocalDate to = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate from = to.minusDays(days - 1L);
        Instant windowStart = startOf(from, zone);
        Instant windowEnd = startOf(to.plusDays(1), zone);

        // Tree maps keep each list in district and category order, which the stable sort below keeps for ties.
        Map<Integer, Long> byDistrict = new TreeMap<>();
        Map<String, Long> byCategory = new TreeMap<>();
        long[] referrals = new long[2];
        store.forEach(request -> {
            Instant created = request.createdAt();
            if (!created.isBefore(windowStart) && created.isBefore(windowEnd)) {
                byDistrict.merge(request.district(), 1L, Long::sum);
                byCategory.merge(request.category(), 1L, Long::sum);
            }
            if (isBeingWorkedOn(request)) {
                referrals[0]++;
                if (request.referral().get().isOverdue(to)) {
                    referrals[1]++;
                }
            }
        });

        List<Figures.CallDay> callDays = new ArrayList<>(days);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            callDays.add(callDay(day, calls.between(startOf(day, zone), startOf(day.plusDays(1), zone))));
        }
        return new Figures(from, to,
                counted(byDistrict, d -> Integer.toString(d), d -> districtNames.getOrDefault(d, Integer.toString(d))),
                counted(byCategory, c -> c, c -> categoryLabels.getOrDefault(c, c)),
                referrals[0], referrals[1], callDays);
    }

    /** Referred and not yet resolved: the requests whose deadline someone must still meet. */
    private static boolean isBeingWorkedOn(CitizenRequest request) {
        return (request.status() == RequestStatus.REFERRED || request.status() == RequestStatus.IN_PROGRESS)
                && request.referral().isPresent();
    }

    private static Figures.CallDay callDay(LocalDate day, List<CallRecord> started) {
        long ivrOnly = 0;
        long answered = 0;
        long abandoned = 0;
        long unanswered = 0;
        long waitedCalls = 0;
        double waitedSeconds = 0;
        for (CallRecord call : started) {
            // No default branch: a new outcome must be placed in one of the columns before this compiles.
            switch (call.outcome()) {
                case REGISTERED, JOINED, STATUS_HEARD -> ivrOnly++;
                // Before ESCALATED_UNANSWERED, a caller who waited to the end and left no message ended as ENDED.
                case ENDED -> {
                    if (call.waitedForAgents().isPresent()) {
                        unanswered++;
                    } else {
                        ivrOnly++;
                    }
                }
                case ESCALATED_ANSWERED, MAYOR_TALKED -> answered++;
                case ESCALATED_ABANDONED, MAYOR_ABANDONED, HUNG_UP -> abandoned++;
                case CALLBACK_REQUESTED, ESCALATED_UNANSWERED -> unanswered++;
            }
            Optional<Duration> waited = call.waitedForAgents();
            if (waited.isPresent()) {
                waitedCalls++;
                waitedSeconds += seconds(waited.get());
            }
        }
        return new Figures.CallDay(day, ivrOnly, answered, abandoned, unanswered,
                waitedCalls == 0 ? 0 : waitedSeconds / waitedCalls);
    }

    private static <K> List<Figures.Count> counted(Map<K, Long> counts, Function<K, String> key, Function<K, String> label) {
        List<Figures.Count> rows = new ArrayList<>(counts.size());
        counts.forEach((k, count) -> rows.add(new Figures.Count(key.apply(k), label.apply(k), count)));
        rows.sort(Comparator.comparingLong(Figures.Count::count).reversed());
        return rows;
    }

    /** Midnight where it exists; on a day that skips it for summer time, the first moment of the day. */
    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
