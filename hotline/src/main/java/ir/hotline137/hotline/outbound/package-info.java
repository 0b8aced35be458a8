/** The outbound side as the application assembles it: the outbox always, the SMS centre and its worker when set. */
package ir.hotline137.hotline.outbound;
