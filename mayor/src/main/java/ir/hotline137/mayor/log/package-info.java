/**
 * The lasting record of "mayor on the line" programmes: each session, every caller who joined it with what
 * became of them, and the directives the mayor gave, kept for the session report after the live line has
 * moved on.
 */
package ir.hotline137.mayor.log;
