package ir.hotline137.console.mayor;

/** The JSON bodies the mayor API takes. Fields are boxed so that a missing one can be named. */
final class MayorBodies {
    private MayorBodies() {
    }

    /**
     * @param plannedEnd when the programme is announced to end: an ISO instant, or a local date and time in the
     *                   city ({@code 2026-11-25T14:00}) as a browser's date-time field sends it; an hour from now
     *                   when absent
     */
    record OpenSession(String title, String plannedEnd) {
    }

    record Note(String text) {
    }

    /** @param reason why the caller is turned away, optional; kept among their notes */
    record Reject(String reason) {
    }

    /** A number the caller told the moderator, when the network withheld theirs. */
    record TypedNumber(String number) {
    }

    /** @param flags WARNING, BLOCKED, OFFICIAL; empty clears them */
    record CallerFileChange(java.util.List<String> flags, String note) {
    }

    record Message(String text) {
    }

    /**
     * The mayor's instruction after hearing a caller.
     *
     * @param unit     the deputy, district manager or unit who must act
     * @param assignee a person there, optional
     * @param deadline YYYY-MM-DD; the configured number of days from today when absent
     * @param text     what must be done
     * @param district where; the caller's district when absent
     * @param category optional; suggested from the text when absent
     */
    record Directive(String unit, String assignee, String deadline, String text, Integer district, String category) {
    }
}
