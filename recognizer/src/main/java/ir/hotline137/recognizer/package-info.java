/**
 * Speech intake: the shared Vosk model, streaming transcription over Asterisk's AudioSocket and file
 * transcription of recordings.
 */
package ir.hotline137.recognizer;
