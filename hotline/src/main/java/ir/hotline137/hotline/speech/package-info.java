/**
 * The speech side of the application: the model loaded once at start-up, the AudioSocket server, and the way
 * the call flows hear a description (streamed, recorded, or for an agent only).
 */
package ir.hotline137.hotline.speech;
