/**
 * The mayor's directives: what the mayor orders after hearing a caller becomes a tracked request, referred to
 * a unit with a deadline, and a line of the programme's report. Outcomes are sealed; no HTTP here.
 */
package ir.hotline137.mayor.directive;
