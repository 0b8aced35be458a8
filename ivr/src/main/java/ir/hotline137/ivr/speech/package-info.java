/**
 * How the IVR hears a caller's own words: {@link ir.hotline137.ivr.speech.SpeechCapture} and what came of it.
 * Recording then transcribing is here; streaming to the recognizer plugs in behind the same interface.
 */
package ir.hotline137.ivr.speech;
