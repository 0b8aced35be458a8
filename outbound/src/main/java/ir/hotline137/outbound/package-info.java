/**
 * Telling citizens what became of their requests. Every notification is derived from a request's change once it is
 * committed ({@link ir.hotline137.outbound.notices.NoticeWriter}), stored before it is tried and never tried twice
 * for the same attempt ({@link ir.hotline137.outbound.outbox.Outbox}), and sent within the city's calling hours
 * ({@link ir.hotline137.outbound.dispatch.Dispatcher}) by SMS over SMPP ({@link ir.hotline137.outbound.sms}).
 */
package ir.hotline137.outbound;
