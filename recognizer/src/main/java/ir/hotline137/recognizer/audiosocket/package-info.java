/**
 * Streaming speech over Asterisk's AudioSocket: a Netty server that takes each caller's audio as they speak,
 * finds the end of the utterance and hands the IVR the words, with the audio saved as WAV.
 */
package ir.hotline137.recognizer.audiosocket;
