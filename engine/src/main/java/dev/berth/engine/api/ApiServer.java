package dev.berth.engine.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The Docker Engine API over HTTP/1.1 on a unix socket (Netty's epoll domain-socket transport).
 * Requests go through the {@link Router}; handlers run on virtual threads. Bodies are read whole
 * and capped in size, except for streaming routes, which read them as they arrive.
 *
 * <p>{@link #close()} stops accepting at once (the socket file goes away), lets the requests being
 * answered finish within a grace period, then closes every connection, streams and hijacked ones
 * included.
 */
public final class ApiServer implements AutoCloseable {

    /** The largest request body berth reads whole (JSON bodies: create, exec, network connect…). */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 << 20;
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    /** Request lines carry URL-encoded {@code filters} JSON, headers base64 registry credentials: room for both. */
    private static final int MAX_HEAD_LINE = 64 << 10;
    private static final int MAX_HEADERS = 64 << 10;
    private static final int MAX_CHUNK = 64 << 10;

    static {
        NettyDefaults.apply();
    }

    private final Path socket;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel server;
    private final ChannelGroup connections;
    private final ExecutorService handlers;
    private final InFlight inFlight;
    private final Duration grace;

    private ApiServer(Path socket, EventLoopGroup boss, EventLoopGroup workers, Channel server,
                      ChannelGroup connections, ExecutorService handlers, InFlight inFlight, Duration grace) {
        this.socket = socket;
        this.boss = boss;
        this.workers = workers;
        this.server = server;
        this.connections = connections;
        this.handlers = handlers;
        this.inFlight = inFlight;
        this.grace = grace;
    }

    /**
     * Listens on {@code socket} (a stale socket file there is replaced: the caller has made sure
     * no one else serves it).
     *
     * @param headers       sent on every response ({@code Api-Version}, {@code Ostype}, {@code Server}…)
     * @param maxBodyBytes  larger request bodies are refused with 400, except on streaming routes
     * @param grace         how long {@link #close()} lets requests being answered finish
     * @param log           where internal errors of handlers are reported
     * @throws IOException when the socket cannot be made (no such folder, no permission)
     */
    public static ApiServer start(Path socket, Router router, Map<String, String> headers, int maxBodyBytes,
                                  Duration grace, Consumer<String> log) throws IOException {
        if (!Epoll.isAvailable()) {
            throw new IOException("cannot serve on " + socket + ": Netty's epoll transport is not available here ("
                    + Epoll.unavailabilityCause() + ")");
        }
        Files.deleteIfExists(socket);
        Responses responses = new Responses(headers);
        ExecutorService handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("berth-api-", 0).factory());
        InFlight inFlight = new InFlight();
        ChannelGroup connections = new DefaultChannelGroup("berth-api", GlobalEventExecutor.INSTANCE);
        EventLoopGroup boss = new EpollEventLoopGroup(1);
        EventLoopGroup workers = new EpollEventLoopGroup(2);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(EpollServerDomainSocketChannel.class)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<EpollDomainSocketChannel>() {
                    @Override
                    protected void initChannel(EpollDomainSocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline()
                                .addLast(ApiChannelHandler.HTTP, new HttpServerCodec(MAX_HEAD_LINE, MAX_HEADERS, MAX_CHUNK))
                                .addLast(ApiChannelHandler.STREAMED, new StreamedBodies(router))
                                .addLast(ApiChannelHandler.BODY, new BodyLimit(maxBodyBytes, responses))
                                .addLast("api", new ApiChannelHandler(router, responses, handlers, inFlight, log));
                    }
                });
        try {
            Channel server = bootstrap.bind(new DomainSocketAddress(socket.toFile())).sync().channel();
            return new ApiServer(socket, boss, workers, server, connections, handlers, inFlight, grace);
        } catch (Exception e) {
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            handlers.shutdownNow();
            throw new IOException("cannot listen on " + socket + ": " + e.getMessage(), e);
        }
    }

    public Path socket() {
        return socket;
    }

    /** Stops accepting, lets the requests being answered finish (within the grace period), then closes all connections. */
    @Override
    public void close() {
        server.close().syncUninterruptibly();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // Best effort: a stale socket file is replaced by the next start.
        }
        try {
            inFlight.awaitIdle(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.close().awaitUninterruptibly();
        handlers.shutdownNow();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
