/**
 * Option 4 while a live programme is on: the caller's district and topic, their place on the mayor's line,
 * the recorded bridge to the mayor, and the way back to a normal request when the mayor cannot take them.
 */
package ir.hotline137.ivr.mayor;
