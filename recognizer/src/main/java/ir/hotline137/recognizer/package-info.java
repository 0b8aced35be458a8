/**
 * Speech intake: the shared Vosk model, streaming transcription over Asterisk's AudioSocket and file
 * transcription of recordings, with grammar mode for short spoken answers.
 */
package ir.hotline137.recognizer;
