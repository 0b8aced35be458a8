package ir.hotline137.ivr.call;

import java.nio.file.Path;

/**
 * A recording Asterisk made for us.
 *
 * @param file       the WAV file (Asterisk adds the extension to the name it was given)
 * @param endedByKey the caller pressed # to finish, rather than falling silent or running out of time
 * @param samples    its length in 8 kHz samples, as Asterisk reports it
 * @param hungUp     the caller hung up at the end instead; the recording is kept all the same
 */
public record Recording(Path file, boolean endedByKey, long samples, boolean hungUp) {
}
