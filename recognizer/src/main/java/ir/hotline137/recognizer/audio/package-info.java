/**
 * Audio plumbing for the recognizer: reading and writing 16-bit mono PCM WAV files, and resampling telephone
 * audio to the rate the speech model expects.
 */
package ir.hotline137.recognizer.audio;
