/**
 * "Mayor on the line": in announced programmes citizens talk to the mayor live. Callers join a
 * {@link ir.hotline137.switchboard.mayor.MayorLine} while a session is open, a moderator screens them
 * (approves, rejects, reorders, notes), and the mayor takes the approved ones one at a time.
 *
 * <p>This first step keeps everything in memory, like the rest of the switchboard: a restart loses the
 * session and its callers. It is driven by the IVR (joining, hanging up, the conversation ending) and the
 * console (moderator and mayor) and publishes every change as a {@link ir.hotline137.switchboard.mayor.MayorLineEvent}.
 */
package ir.hotline137.switchboard.mayor;
