package ir.hotline137.recognizer.audiosocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.EventExecutorGroup;
import ir.hotline137.recognizer.model.SpeechModel;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the first frame of a connection, which must be the UUID of a stream the IVR is waiting for, and hands
 * the connection to an {@link UtteranceListener} for that stream. Anything else closes the connection.
 */
final class StreamIdentifier extends SimpleChannelInboundHandler<AudioSocketFrame> {
    private static final Logger log = LoggerFactory.getLogger(StreamIdentifier.class);

    private final ExpectedStreams streams;
    private final SpeechModel model;
    private final EventExecutorGroup recognition;
    private final Duration partialInterval;
    // Frames already read in behind a refused one must not each log again.
    private boolean refused;

    StreamIdentifier(ExpectedStreams streams, SpeechModel model, EventExecutorGroup recognition,
                     Duration partialInterval) {
        this.streams = streams;
        this.model = model;
        this.recognition = recognition;
        this.partialInterval = partialInterval;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, AudioSocketFrame frame) {
        if (refused) {
            return;
        }
        switch (frame) {
            case AudioSocketFrame.StreamId(var id) -> {
                Optional<AwaitedStream> stream = streams.claim(id);
                if (stream.isEmpty()) {
                    refuse(ctx, "unknown stream " + id);
                    return;
                }
                // Decoding is slow native work: it runs on the recognition threads, one connection always on
                // the same one, so the event loop only moves bytes.
                ctx.pipeline().addAfter(recognition, ctx.name(), "utterance",
                        new UtteranceListener(stream.get(), model, partialInterval));
                ctx.pipeline().remove(this);
            }
            case AudioSocketFrame.Hangup hangup -> ctx.close();
            default -> refuse(ctx, frame.getClass().getSimpleName().toLowerCase() + " before the stream's UUID");
        }
    }

    /** A connection that says nothing (a half-open socket, a port scanner) is not kept waiting for ever. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            refuse(ctx, "no stream UUID within the idle time");
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        refuse(ctx, cause.getMessage());
    }

    private void refuse(ChannelHandlerContext ctx, String why) {
        if (refused) {
            return;
        }
        refused = true;
        log.warn("AudioSocket connection from {} closed: {}", ctx.channel().remoteAddress(), why);
        ctx.close();
    }
}
