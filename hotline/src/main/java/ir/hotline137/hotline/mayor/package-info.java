/** Assembles mayor on the line from the mayor module: its line, log, reports and directives. */
package ir.hotline137.hotline.mayor;
