/**
 * Console sessions that outlive a restart: kept in the journal (only what a session needs, its id hashed) and
 * taken back on their first request as the person is now.
 */
package ir.hotline137.console.sessions;
