/** The mayor's public meetings on the console: creating them, registrations, the committees' decisions, the report. */
package ir.hotline137.console.meetings;
