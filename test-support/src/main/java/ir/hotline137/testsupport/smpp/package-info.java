/**
 * A fake SMS centre at the protocol level: SMPP 3.4 over TCP ({@link ir.hotline137.testsupport.smpp.FakeSmsc}).
 */
package ir.hotline137.testsupport.smpp;
