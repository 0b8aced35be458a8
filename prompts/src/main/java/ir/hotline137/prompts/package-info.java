/**
 * The Persian prompt catalogue (name to words) and its audio, and the prompt sequences that speak tracking
 * codes, counts and Jalali dates; it uses no other module of ours.
 */
package ir.hotline137.prompts;
