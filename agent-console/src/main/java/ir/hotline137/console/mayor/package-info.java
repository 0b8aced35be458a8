/**
 * Mayor on the line in the console: sessions opened and closed, the moderator's screening, the mayor's
 * "next caller", directives that become tracked requests, the live line pushed to both screens, and each
 * session's report.
 */
package ir.hotline137.console.mayor;
