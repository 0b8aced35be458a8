package ir.hotline137.ivr.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the peer's newline-ended lines with a hard length limit. Asterisk-Java's own reader would buffer
 * a line of any length, so a broken or hostile peer could exhaust memory with one endless header.
 *
 * <p>A read that times out keeps the bytes of a half-received line, so the caller may simply try again;
 * the hold loop relies on that to listen for Asterisk's HANGUP notice in short slices.
 */
final class AgiLineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[4096];
    private int chunkStart;
    private int chunkEnd;
    private byte[] line = new byte[256];
    private int lineLength;

    AgiLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @return the next line without its CR LF, or null at the end of the stream
     * @throws LineTooLongException  when a line exceeds the limit; the connection must be dropped
     * @throws SocketTimeoutException when the socket's read timeout passed; bytes read so far are kept
     */
    String readLine() throws IOException {
        while (true) {
            for (int i = chunkStart; i < chunkEnd; i++) {
                if (chunk[i] == '\n') {
                    append(chunkStart, i);
                    chunkStart = i + 1;
                    return takeLine();
                }
            }
            append(chunkStart, chunkEnd);
            chunkStart = chunkEnd = 0;
            int n = in.read(chunk);
            if (n < 0) {
                return lineLength > 0 ? takeLine() : null;
            }
            chunkEnd = n;
        }
    }

    private void append(int from, int to) throws LineTooLongException {
        int n = to - from;
        if (lineLength + n > maxLineBytes) {
            throw new LineTooLongException(maxLineBytes);
        }
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, lineLength + n)));
        }
        System.arraycopy(chunk, from, line, lineLength, n);
        lineLength += n;
    }

    private String takeLine() {
        int end = lineLength;
        if (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        lineLength = 0;
        return text;
    }

    static final class LineTooLongException extends IOException {
        LineTooLongException(int limit) {
            super("a line longer than " + limit + " bytes");
        }
    }
}
