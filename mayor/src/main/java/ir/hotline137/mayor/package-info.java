/**
 * Mayor on the line: the live line and its screening ({@code line}), the programme's lasting log ({@code log}),
 * its report ({@code report}) and the mayor's directives ({@code directive}). The IVR and the console both use
 * it; nothing here knows about HTTP or AGI.
 */
package ir.hotline137.mayor;
