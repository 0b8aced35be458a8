/**
 * Calling citizens back: those who kept their place on hold and those who left a message when nobody answered, in the
 * order they first waited; an agent's "call now" rings the agent's phone first, then the citizen's, and each try's
 * outcome is kept.
 */
package ir.hotline137.outbound.callback;
