package ir.hotline137.recognizer.audiosocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;
import java.util.UUID;

/**
 * Cuts the byte stream from Asterisk into {@link AudioSocketFrame}s. A frame that cannot be right — an unknown
 * type, a payload of the wrong size for its type, a connection that ends inside a frame — is a
 * {@link CorruptedFrameException}, which closes that one connection. The 16-bit length field itself caps a
 * payload at 65,535 bytes, so no frame can ask us to buffer more.
 */
final class AudioSocketFrameDecoder extends ByteToMessageDecoder {
    private static final int HEADER_BYTES = 3;
    private static final int UUID_BYTES = 16;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < HEADER_BYTES) {
            return;
        }
        int start = in.readerIndex();
        int type = in.getUnsignedByte(start);
        int length = in.getUnsignedShort(start + 1);
        checkSize(type, length);
        if (in.readableBytes() < HEADER_BYTES + length) {
            return;
        }
        in.skipBytes(HEADER_BYTES);
        out.add(frame(type, in, length));
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        if (in.isReadable()) {
            int promised = in.readableBytes() >= HEADER_BYTES ? in.getUnsignedShort(in.readerIndex() + 1) : -1;
            String detail = promised < 0 ? "" : " (its header promised " + promised + " payload bytes, "
                    + (in.readableBytes() - HEADER_BYTES) + " came)";
            in.skipBytes(in.readableBytes());
            // Fired, not thrown: a throw would reach the handlers after the channel-inactive event, which
            // would end the utterance as a plain hang-up.
            ctx.fireExceptionCaught(new CorruptedFrameException("the connection ended inside a frame" + detail));
        }
    }

    private static void checkSize(int type, int length) {
        boolean right = switch (type) {
            case AudioSocketFrame.HANGUP -> length == 0;
            case AudioSocketFrame.UUID_TYPE -> length == UUID_BYTES;
            case AudioSocketFrame.DTMF -> length == 1;
            case AudioSocketFrame.ERROR -> true;
            default -> {
                if (AudioSocketFrame.sampleRate(type) == 0) {
                    throw new CorruptedFrameException(String.format("unknown frame type 0x%02x", type));
                }
                yield length > 0 && length % 2 == 0;
            }
        };
        if (!right) {
            throw new CorruptedFrameException(String.format("a frame of type 0x%02x cannot have %d payload bytes",
                    type, length));
        }
    }

    private static AudioSocketFrame frame(int type, ByteBuf in, int length) {
        return switch (type) {
            case AudioSocketFrame.HANGUP -> new AudioSocketFrame.Hangup();
            case AudioSocketFrame.UUID_TYPE -> new AudioSocketFrame.StreamId(new UUID(in.readLong(), in.readLong()));
            case AudioSocketFrame.DTMF -> new AudioSocketFrame.Dtmf((char) in.readUnsignedByte());
            case AudioSocketFrame.ERROR -> new AudioSocketFrame.Error(bytes(in, length));
            default -> new AudioSocketFrame.Audio(AudioSocketFrame.sampleRate(type), bytes(in, length));
        };
    }

    private static byte[] bytes(ByteBuf in, int length) {
        byte[] payload = new byte[length];
        in.readBytes(payload);
        return payload;
    }
}
