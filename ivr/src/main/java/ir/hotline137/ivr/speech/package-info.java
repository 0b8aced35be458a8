/**
 * How the IVR hears a caller's own words: {@link ir.hotline137.ivr.speech.SpeechCapture} and what came of it.
 * Recording then transcribing, or streaming to the recognizer over AudioSocket while the caller speaks.
 */
package ir.hotline137.ivr.speech;
