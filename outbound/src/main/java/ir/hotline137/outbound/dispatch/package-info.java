/**
 * Sending what is due: within the city's calling hours and not on its days off, never to a number on the do-not-call
 * list, each attempt begun durably before it is made, a busy or unreachable one tried again after a spacing, up to a
 * number of attempts.
 */
package ir.hotline137.outbound.dispatch;
