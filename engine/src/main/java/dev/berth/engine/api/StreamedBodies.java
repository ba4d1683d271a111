package dev.berth.engine.api;

import java.io.IOException;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Sits between the HTTP decoder and the {@link BodyLimit} aggregator and takes the requests of
 * streaming routes ({@link Router#addStreaming}) out of aggregation: their head goes on as a
 * {@link StreamedRequest} at once, their body chunks into its {@link StreamedBody} as they arrive.
 * Requests to every other route pass untouched, to be aggregated and capped.
 */
final class StreamedBodies extends ChannelInboundHandlerAdapter {

    /** The head of a request to a streaming route, with its body still arriving. */
    record StreamedRequest(HttpRequest head, StreamedBody body) {
    }

    private final Router router;
    private StreamedBody current;

    StreamedBodies(Router router) {
        this.router = router;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest head && !(msg instanceof FullHttpRequest) && isStreaming(head)) {
            current = new StreamedBody(ctx.channel());
            if (HttpUtil.is100ContinueExpected(head)) {
                // as the aggregator does for other routes: the client waits for this before sending
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                        Unpooled.EMPTY_BUFFER));
                head.headers().remove(HttpHeaderNames.EXPECT);
            }
            ctx.fireChannelRead(new StreamedRequest(head, current));
            return;
        }
        if (msg instanceof HttpContent content && current != null) {
            StreamedBody body = current;
            if (content.decoderResult().isFailure()) {
                current = null;
                content.release();
                body.fail(new IOException("malformed request body: " + content.decoderResult().cause().getMessage(),
                        content.decoderResult().cause()));
                return;
            }
            boolean last = content instanceof LastHttpContent;
            if (last) {
                current = null;
            }
            body.offer(content.content().retain());
            content.release();
            if (last) {
                body.end();
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private boolean isStreaming(HttpRequest head) {
        if (head.decoderResult().isFailure()) {
            return false;
        }
        try {
            return router.resolve(head.method().name(), new QueryStringDecoder(head.uri()).rawPath()).route().streaming();
        } catch (RuntimeException e) {
            // no such route, or a refused path: the channel handler answers it like any other
            return false;
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent && current != null) {
            current.fail(new IOException("the client stopped sending before the end of the request body"));
            current = null;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            current.fail(new IOException("the client closed the connection before sending the whole request body"));
            current = null;
        }
        ctx.fireChannelInactive();
    }
}
