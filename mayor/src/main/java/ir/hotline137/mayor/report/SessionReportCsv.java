package ir.hotline137.mayor.report;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A session report as CSV for the mayor's office's spreadsheets: one row per directive, and one for each
 * caller without any, so every caller appears. UTF-8 with a byte-order mark so Excel reads the Persian; times
 * in the city's zone, Jalali beside the ISO date so both the office and a script can read them.
 *
 * <p>Callers' words go into cells a person will open in a spreadsheet: a cell that starts like a formula is
 * prefixed with an apostrophe so it stays text.
 */
public final class SessionReportCsv {
    static final List<String> HEADER = List.of("call_id", "caller_number", "district", "district_name", "topic",
            "outcome", "joined_at", "joined_at_jalali", "waited_seconds", "decided_by", "on_air_at",
            "ended_at", "talked_seconds", "mayor", "recorded", "notes", "directive_code", "directive_unit",
            "directive_assignee", "directive_deadline", "directive_deadline_jalali", "directive_status",
            "directive_overdue", "directive_text");

    private final ZoneId zone;
    private final SimpleDateFormat jalaliTime;
    private final SimpleDateFormat jalaliDay;

    public SessionReportCsv(ZoneId zone) {
        this.zone = zone;
        this.jalaliTime = jalali(zone, "yyyy/MM/dd HH:mm");
        this.jalaliDay = jalali(zone, "yyyy/MM/dd");
    }

    /** ICU's formats are not thread-safe: each CSV writer has its own. */
    private static SimpleDateFormat jalali(ZoneId zone, String pattern) {
        SimpleDateFormat format = new SimpleDateFormat(pattern, new ULocale("fa_IR@calendar=persian;numbers=latn"));
        format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return format;
    }

    public String write(SessionReport report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, HEADER);
        for (SessionReport.Caller caller : report.callers()) {
            List<String> about = List.of(caller.callId(), text(caller.callerNumber()), text(caller.district()),
                    text(caller.districtName()), text(caller.topic()), caller.outcome(), iso(caller.joinedAt()),
                    jalali(caller.joinedAt(), jalaliTime), Long.toString(caller.waitedSeconds()),
                    text(caller.decidedBy()), iso(caller.onAirAt()), iso(caller.endedAt()),
                    text(caller.talkedSeconds()), text(caller.mayor()), caller.recorded() ? "yes" : "no",
                    String.join(" | ", caller.notes()));
            if (caller.directives().isEmpty()) {
                List<String> cells = new ArrayList<>(about);
                HEADER.subList(about.size(), HEADER.size()).forEach(unused -> cells.add(""));
                row(out, cells);
            }
            for (SessionReport.Directive directive : caller.directives()) {
                List<String> cells = new ArrayList<>(about);
                cells.addAll(List.of(directive.code(), text(directive.unit()), text(directive.assignee()),
                        text(directive.deadline()), jalali(directive.deadline()), text(directive.status()),
                        directive.overdue() ? "yes" : "no", text(directive.text())));
                row(out, cells);
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        CsvRows.row(out, cells);
    }

    static String cell(String value) {
        return CsvRows.cell(value);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private String iso(Instant at) {
        return at == null ? "" : at.atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }

    private static String jalali(Instant at, SimpleDateFormat format) {
        return at == null ? "" : format.format(Date.from(at));
    }

    private String jalali(LocalDate day) {
        return day == null ? "" : jalali(day.atTime(12, 0).atZone(zone).toInstant(), jalaliDay);
    }
}
