/**
 * The Persian prompt catalogue (id to text) and its audio, and the prompt sequences that speak tracking
 * codes, counts and Jalali dates.
 */
package ir.hotline137.prompts;
