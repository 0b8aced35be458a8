/**
 * The durable outbox: each {@link ir.hotline137.outbound.outbox.Notification} with its attempts, kept in the data
 * folder's journal. An attempt is written as begun before anything is sent, so after a crash an attempt whose end is
 * unknown is marked uncertain and never repeated on its own.
 */
package ir.hotline137.outbound.outbox;
