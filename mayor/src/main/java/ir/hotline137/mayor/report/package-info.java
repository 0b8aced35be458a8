/**
 * A programme's report for the follow-up committee: every caller, what became of them, and each directive's
 * request as it stands today; as JSON-ready records or a CSV file.
 */
package ir.hotline137.mayor.report;
