/**
 * A fake Asterisk for tests and benchmarks: a FastAGI client that dials the real server and answers its commands
 * as Asterisk 22's res_agi would (the source of every reply is in {@code ScriptedChannel}), driven by a scripted
 * {@link ir.hotline137.testsupport.asterisk.Caller} on an {@link ir.hotline137.testsupport.asterisk.Installation}
 * that may lack what a real machine lacks. Depends on the JDK only, so any module's tests can use it.
 */
package ir.hotline137.testsupport.asterisk;
