package ir.hotline137.mayor.meeting;

import ir.hotline137.mayor.report.CsvRows;
import ir.hotline137.requests.Referral;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A meeting's follow-up report as a spreadsheet for the mayor's office: UTF-8 with a byte-order mark (so Excel reads
 * the Persian), one row per registration, column names as the JSON's.
 */
public final class MeetingReportCsv {
    private static final List<String> HEADER = List.of("registration", "caller_number", "district", "matter",
            "source", "registered_at", "status", "official", "reason", "earlier_request", "request", "request_status",
            "unit", "deadline", "days_left", "lateness");

    private final ZoneId zone;

    public MeetingReportCsv(ZoneId zone) {
        this.zone = zone;
    }

    public String write(List<MeetingDesk.ReportRow> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        CsvRows.row(out, HEADER);
        for (MeetingDesk.ReportRow row : rows) {
            Registration r = row.registration();
            List<String> cells = new ArrayList<>(List.of(Long.toString(r.id()), r.callerNumber().orElse(""),
                    Integer.toString(r.district()), r.matter(), r.source().name(),
                    r.registeredAt().atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' '),
                    r.status().name(), r.official().orElse(""), r.reason().orElse(""),
                    r.earlier().map(c -> c.value()).orElse(""), r.referred().map(c -> c.value()).orElse("")));
            cells.add(row.request().map(q -> q.status().name()).orElse(""));
            cells.add(row.request().flatMap(q -> q.referral()).map(Referral::unit).orElse(""));
            cells.add(row.request().flatMap(q -> q.referral()).map(q -> q.deadline().toString()).orElse(""));
            cells.add(row.daysLeft().map(String::valueOf).orElse(""));
            cells.add(row.lateness().map(Enum::name).orElse(""));
            CsvRows.row(out, cells);
        }
        return out.toString();
    }
}
