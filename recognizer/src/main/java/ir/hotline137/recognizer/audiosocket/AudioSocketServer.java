package ir.hotline137.recognizer.audiosocket;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ipfilter.AbstractRemoteAddressFilter;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import ir.hotline137.recognizer.model.SpeechModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives callers' audio from Asterisk's AudioSocket application while they speak, and turns each stream
 * into the words of one utterance. Every connection runs the same pipeline:
 * only allowed peers → judge silence by the clock too → cut frames → name the stream → listen to the utterance.
 */
public final class AudioSocketServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AudioSocketServer.class);

    private final EventLoopGroup loop;
    private final EventExecutorGroup recognition;
    private final Channel listening;
    private final ChannelGroup streams;
    private final String service;

    private AudioSocketServer(EventLoopGroup loop, EventExecutorGroup recognition, Channel listening,
                              ChannelGroup streams, String service) {
        this.loop = loop;
        this.recognition = recognition;
        this.listening = listening;
        this.streams = streams;
        this.service = service;
    }

    /**
     * @param allowedPeers which remote addresses may connect: a stream can put words into requests, so only
     *                     the city's Asterisk servers may open one
     */
    public static AudioSocketServer start(AudioSocketSettings settings, SpeechModel model, ExpectedStreams streams,
                                          Predicate<InetAddress> allowedPeers) {
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventExecutorGroup recognition = new DefaultEventExecutorGroup(settings.recognitionThreads());
        PeerFilter peers = new PeerFilter(allowedPeers);
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        long idleMillis = settings.endpointing().endSilence().toMillis();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline()
                                .addLast("peers", peers)
                                .addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                                .addLast("frames", new AudioSocketFrameDecoder())
                                .addLast("stream", new StreamIdentifier(streams, model, recognition,
                                        settings.partialInterval()));
                    }
                });
        try {
            Channel listening = bootstrap.bind(settings.bind(), settings.port()).sync().channel();
            int port = ((InetSocketAddress) listening.localAddress()).getPort();
            String service = settings.service().isBlank() ? hostPort(settings.bind(), port) : settings.service();
            log.info("AudioSocket listening on {}:{} ({} recognition threads); Asterisk connects to {}",
                    settings.bind(), port, settings.recognitionThreads(), service);
            return new AudioSocketServer(loop, recognition, listening, connections, service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutDown(loop, recognition);
            throw new IllegalStateException("interrupted while binding the AudioSocket port", e);
        } catch (RuntimeException e) {
            shutDown(loop, recognition);
            throw new IllegalStateException("cannot listen for AudioSocket on " + settings.bind() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    /** What goes after the UUID in {@code EXEC AudioSocket <uuid>,<service>}. */
    public String service() {
        return service;
    }

    /**
     * Stops listening; streams in progress are closed (as if Asterisk had closed them), so the IVR treats them
     * as dropped and sends their callers to an agent with what was recorded.
     */
    @Override
    public void close() {
        listening.close().syncUninterruptibly();
        // Streams first, while the recognition threads still run to see them end.
        streams.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        shutDown(loop, recognition);
    }

    private static void shutDown(EventLoopGroup loop, EventExecutorGroup recognition) {
        // Both at once, each with a short quiet period: the last events of closing streams pass between the two
        // (a close seen by the loop, the listener's last words on a recognition thread), so neither may stop
        // taking work while the other still hands it some.
        var loopDone = loop.shutdownGracefully(100, 2_000, TimeUnit.MILLISECONDS);
        var recognitionDone = recognition.shutdownGracefully(100, 2_000, TimeUnit.MILLISECONDS);
        loopDone.syncUninterruptibly();
        recognitionDone.syncUninterruptibly();
    }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** Drops a connection from a peer that is not allowed, with one log line. */
    @ChannelHandler.Sharable
    private static final class PeerFilter extends AbstractRemoteAddressFilter<InetSocketAddress> {
        private final Predicate<InetAddress> allowed;

        PeerFilter(Predicate<InetAddress> allowed) {
            this.allowed = allowed;
        }

        @Override
        protected boolean accept(ChannelHandlerContext ctx, InetSocketAddress remote) {
            return allowed.test(remote.getAddress());
        }

        @Override
        protected io.netty.channel.ChannelFuture channelRejected(ChannelHandlerContext ctx, InetSocketAddress remote) {
            log.warn("AudioSocket connection from {} refused: not in hotline.audiosocket.allowed-hosts",
                    remote.getAddress().getHostAddress());
            return null;
        }
    }
}
