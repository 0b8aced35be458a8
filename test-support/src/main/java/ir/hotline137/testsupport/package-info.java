/**
 * Shared by the tests of every module (as a test dependency): the fake Asterisk ({@code asterisk}), a clock a test
 * moves by hand, and the settings the application ships, read from its one {@code application.yml}, so tests run
 * on what a deployment runs on. Depends on none of our modules, so any of them may use it.
 */
package ir.hotline137.testsupport;
