package ir.hotline137.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The supervisor's figures over the days {@code from} to {@code to}, both included, as days of the city's
 * time zone. Computed by {@link FiguresReport}.
 *
 * @param perDistrict      requests registered in the days, per district, most first; districts with none left out
 * @param perCategory      the same per category
 * @param openReferrals    requests referred or in progress right now, whenever they were registered
 * @param overdueReferrals those of them past their deadline today
 * @param callsPerDay      one row for every day, earliest first, days without calls included
 */
public record Figures(
        LocalDate from,
        LocalDate to,
        List<Count> perDistrict,
        List<Count> perCategory,
        long openReferrals,
        long overdueReferrals,
        List<CallDay> callsPerDay) {

    public Figures {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        perDistrict = List.copyOf(perDistrict);
        perCategory = List.copyOf(perCategory);
        callsPerDay = List.copyOf(callsPerDay);
    }

    /**
     * How many requests one district or category had.
     *
     * @param key   the district number as text, or the category id: what a link or a filter uses
     * @param label the configured name people read
     */
    public record Count(String key, String label, long count) {
    }

    /**
     * How one day's calls ended, by the day they started.
     *
     * @param ivrOnly            finished in the menus with no person: registered, joined, status heard,
     *                           callback requested, or ended
     * @param escalatedAnswered  handed to a person and answered
     * @param abandoned          the caller gave up: on the queue before an agent answered, or in the menus
     * @param averageWaitSeconds mean time on the queue over the calls that waited there; 0 when none did
     */
    public record CallDay(LocalDate day, long ivrOnly, long escalatedAnswered, long abandoned,
                          double averageWaitSeconds) {
    }
}
