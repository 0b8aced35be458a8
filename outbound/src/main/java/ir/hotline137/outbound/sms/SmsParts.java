package ir.hotline137.outbound.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into the parts one SMS carries in UCS-2 (Persian needs it): 70 characters alone, or 67 behind the
 * six-byte user data header that tells the phone to join the parts again (3GPP TS 23.040, information element 0x00).
 */
final class SmsParts {
    static final int SINGLE = 70;
    static final int PART = 67;
    /** Enough for any notice; the SMS centre would refuse more parts than one reference can join anyway. */
    static final int MAX_PARTS = 255;

    private SmsParts() {
    }

    /**
     * @param reference the same for every part of one message, different from the messages around it
     * @return the short_message of each part, header included when there is more than one
     */
    static List<byte[]> of(String text, int reference) {
        List<String> pieces = cut(text);
        if (pieces.size() == 1) {
            return List.of(pieces.getFirst().getBytes(StandardCharsets.UTF_16BE));
        }
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            byte[] body = pieces.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] part = new byte[6 + body.length];
            part[0] = 0x05; // the header's length after this byte
            part[1] = 0x00; // concatenated message, 8-bit reference
            part[2] = 0x03; // the element's length
            part[3] = (byte) reference;
            part[4] = (byte) pieces.size();
            part[5] = (byte) (i + 1);
            System.arraycopy(body, 0, part, 6, body.length);
            parts.add(part);
        }
        return parts;
    }

    /** Cuts between characters, never inside a surrogate pair. */
    private static List<String> cut(String text) {
        if (text.length() <= SINGLE) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + PART);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            pieces.add(text.substring(at, end));
            at = end;
        }
        if (pieces.size() > MAX_PARTS) {
            throw new IllegalArgumentException("a text of " + text.length() + " characters needs more than "
                    + MAX_PARTS + " parts");
        }
        return pieces;
    }
}
