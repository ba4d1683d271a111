package dev.berth.engine.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.berth.engine.api.NettyDefaults;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A minimal client of a daemon's socket, for {@code berth engine status}: one GET, its status
 * and JSON body. (berth's verbs that drive the engine speak to it through docker-java.)
 */
public final class DaemonClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        NettyDefaults.apply();
    }

    private DaemonClient() {
    }

    /** An answer: the status and the body. */
    public record Answer(int status, String body) {
        public JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }
    }

    /**
     * GETs {@code path} on {@code socket}.
     *
     * @throws IOException when nothing answers there (no socket, refused, no answer within {@code timeout})
     */
    public static Answer get(Path socket, String path, Duration timeout) throws IOException {
        EventLoopGroup group = new EpollEventLoopGroup(1);
        try {
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            Bootstrap bootstrap = new Bootstrap().group(group).channel(EpollDomainSocketChannel.class)
                    .handler(new ChannelInitializer<EpollDomainSocketChannel>() {
                        @Override
                        protected void initChannel(EpollDomainSocketChannel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(16 << 20),
                                    new SimpleChannelInboundHandler<FullHttpResponse>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
                                            answer.complete(new Answer(response.status().code(),
                                                    new String(ByteBufUtil.getBytes(response.content()), StandardCharsets.UTF_8)));
                                            ctx.close();
                                        }

                                        @Override
                                        public void channelInactive(ChannelHandlerContext ctx) {
                                            answer.completeExceptionally(new IOException("the daemon closed the connection without answering"));
                                        }

                                        @Override
                                        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                            answer.completeExceptionally(cause);
                                            ctx.close();
                                        }
                                    });
                        }
                    });
            if (!java.nio.file.Files.exists(socket)) {
                throw new IOException("no socket at " + socket);
            }
            Channel channel;
            try {
                channel = bootstrap.connect(new DomainSocketAddress(socket.toFile())).sync().channel();
            } catch (Exception e) {
                throw new IOException("cannot connect to " + socket + ": "
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
            }
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
            request.headers().set(HttpHeaderNames.HOST, "berth");
            request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            channel.writeAndFlush(request);
            try {
                return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IOException("no answer from " + socket + " within " + timeout.toSeconds() + "s", e);
            } catch (ExecutionException e) {
                throw new IOException("no answer from " + socket + ": " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + socket, e);
            } finally {
                channel.close();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
