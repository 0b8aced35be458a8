/**
 * The agents' web console on Spring WebFlux: REST under /api, WebSocket events, security and the
 * right-to-left Persian UI. Reads requests and the switchboard; nothing depends on it.
 */
package ir.hotline137.console;
