package ir.hotline137.mayor.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything about one mayor session for the mayor's office and the follow-up committee: every caller (screened,
 * rejected, talked, abandoned), their times and topics, and every directive with its deadline and where it
 * stands now. Absent parts are null.
 */
public record SessionReport(
        String id,
        String title,
        Instant openedAt,
        Instant plannedEnd,
        String openedBy,
        Instant closedAt,
        String closedBy,
        Counts counts,
        List<Caller> callers) {

    /** How many callers ended each way, and how many directives were given. */
    public record Counts(int callers, int talked, int rejected, int abandoned, int dismissedAtClosing,
                         int stillWaiting, int directives) {
    }

    /**
     * @param outcome       the caller's last state on the line: TALKED, REJECTED, ABANDONED, SESSION_CLOSED, or
     *                      while the session is open AWAITING_SCREENING, APPROVED, ON_AIR
     * @param talkedSeconds how long the conversation with the mayor lasted
     */
    public record Caller(
            String callId,
            String callerNumber,
            Integer district,
            String districtName,
            String topic,
            String outcome,
            Instant joinedAt,
            long waitedSeconds,
            String decidedBy,
            Instant onAirAt,
            Instant endedAt,
            Long talkedSeconds,
            String mayor,
            boolean recorded,
            List<String> notes,
            List<Directive> directives) {
    }

    /** A directive and its request as it stands now. */
    public record Directive(String code, String unit, String assignee, LocalDate deadline, boolean overdue,
                            String text, String status, String by, Instant givenAt) {
    }
}
