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
     * @param ivrOnly            finished in the menus and never asked for a person: registered, joined, status
     *                           heard, or ended
     * @param escalatedAnswered  a person answered: an agent, or the mayor in a live programme
     * @param abandoned          the caller gave up: on a queue before anyone answered, or in the menus
     * @param unanswered         handed to a person and nobody answered in time, whether or not the caller then
     *                           left a message to be called back
     * @param averageWaitSeconds mean time on the agents' queue over the calls handed to a person; the mayor's line
     *                           is not in it. 0 when none waited
     */
    public record CallDay(LocalDate day, long ivrOnly, long escalatedAnswered, long abandoned, long unanswered,
                          double averageWaitSeconds) {
    }
}
