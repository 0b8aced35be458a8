/**
 * A fake Asterisk for tests and benchmarks: a FastAGI client that dials the real server and answers its commands
 * as Asterisk 22's res_agi would, driven by a scripted {@link ir.hotline137.ivr.fake.Caller}.
 * Depends on the JDK only, so the ivr test-jar can lend it to the application's tests and the benchmarks.
 */
package ir.hotline137.ivr.fake;
