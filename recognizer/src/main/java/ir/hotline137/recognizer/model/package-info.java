/**
 * The speech model: found and loaded once at start-up, shared by every recognition, or reported missing with
 * what to do about it.
 */
package ir.hotline137.recognizer.model;
