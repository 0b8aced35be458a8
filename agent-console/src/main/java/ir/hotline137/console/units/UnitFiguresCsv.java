package ir.hotline137.console.units;

import ir.hotline137.figures.FollowUpFigures;
import java.util.Locale;

/**
 * The follow-up figures as a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the Persian), one row per
 * unit (district, category), the column names as the JSON's, numbers with a full stop.
 */
final class UnitFiguresCsv {
    private static final String HEADER = "key,label,referred,resolved,response_hours_p50,response_hours_p90,"
            + "within_deadline,late_now,for_the_mayor,reopened,satisfaction_answers,satisfaction_average";

    private UnitFiguresCsv() {
    }

    static String write(FollowUpFigures.Report report) {
        StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (FollowUpFigures.Row row : report.rows()) {
            out.append(cell(row.key())).append(',').append(cell(row.label())).append(',')
                    .append(row.referred()).append(',').append(row.resolved()).append(',')
                    .append(number(row.responseHoursP50())).append(',').append(number(row.responseHoursP90()))
                    .append(',').append(number(row.withinDeadline())).append(',').append(row.lateNow()).append(',')
                    .append(row.forTheMayor()).append(',').append(row.reopened()).append(',')
                    .append(row.satisfactionAnswers()).append(',').append(number(row.satisfactionAverage()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * Quoted when it must be; a cell a spreadsheet would run as a formula gets a leading apostrophe, since unit
     * names are typed by people.
     */
    private static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
