/**
 * Asterisk's side of an AudioSocket connection, as every test speaks it: the recognizer's tests frame by frame, the
 * fake Asterisk with a caller's voice at the pace of a line.
 */
package ir.hotline137.testsupport.audiosocket;
