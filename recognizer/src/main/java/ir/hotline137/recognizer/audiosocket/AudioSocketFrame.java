package ir.hotline137.recognizer.audiosocket;

import java.util.UUID;

/**
 * One message of Asterisk's AudioSocket protocol: a type byte, a two-byte big-endian payload length, the
 * payload. Decoded by {@link AudioSocketFrameDecoder}; the only one we send is {@link Hangup}.
 */
public sealed interface AudioSocketFrame {

    int HANGUP = 0x00;
    int UUID_TYPE = 0x01;
    int DTMF = 0x03;
    int AUDIO_8K = 0x10;
    int ERROR = 0xff;

    /** The end of the stream: from us, it makes Asterisk's AudioSocket application return and the call go on. */
    record Hangup() implements AudioSocketFrame {
    }

    /** The first frame of every stream: the UUID the IVR gave {@code EXEC AudioSocket}, tying it to the call. */
    record StreamId(UUID id) implements AudioSocketFrame {
    }

    /** A key the caller pressed. */
    record Dtmf(char digit) implements AudioSocketFrame {
    }

    /** Signed 16-bit little-endian mono PCM at {@code sampleRate}; 8 kHz (type 0x10) from the dialplan app. */
    record Audio(int sampleRate, byte[] pcm) implements AudioSocketFrame {
    }

    /** Asterisk reports a failure on its side; the payload, if any, is its error code. */
    record Error(byte[] code) implements AudioSocketFrame {
    }

    /**
     * The sample rate of an audio frame type: 0x10 is the 8 kHz of the dialplan application, 0x11–0x18 the
     * higher rates of newer Asterisk versions; 0 for a type that is not audio.
     */
    static int sampleRate(int type) {
        return switch (type) {
            case AUDIO_8K -> 8_000;
            case 0x11 -> 12_000;
            case 0x12 -> 16_000;
            case 0x13 -> 24_000;
            case 0x14 -> 32_000;
            case 0x15 -> 44_100;
            case 0x16 -> 48_000;
            case 0x17 -> 96_000;
            case 0x18 -> 192_000;
            default -> 0;
        };
    }
}
