/**
 * From audio to words: one {@link ir.hotline137.recognizer.transcription.Transcription} per utterance, fed as
 * the audio comes (streams) or all at once (recordings).
 */
package ir.hotline137.recognizer.transcription;
