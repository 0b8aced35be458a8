/**
 * "Mayor on the line": in announced programmes citizens talk to the mayor live. Callers join a
 * {@link ir.hotline137.mayor.line.MayorLine} while a session is open, a moderator screens them
 * (approves, rejects, reorders, notes), and the mayor takes the approved ones one at a time.
 *
 * <p>The live state is in memory; every change is kept as it happens by the line's keeper (the session log), and
 * published as a {@link ir.hotline137.mayor.line.MayorLineEvent} to the screens. It is driven by the IVR (joining,
 * hanging up, the conversation ending) and the console (moderator and mayor). On a cluster every node keeps a copy and
 * the line is shared through PostgreSQL ({@link ir.hotline137.mayor.line.SharedLine}), so a caller held by one node is
 * screened and put on air from any node's console.
 */
package ir.hotline137.mayor.line;
