package dev.berth.engine.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Collects a request's body up to a limit; a larger body is refused with 400 before any handler
 * runs. The answer ends berth's side of the connection, but the rest of the body is still read
 * (and dropped) until the client closes: closing with unread bytes would reset the connection and
 * the client might never see the answer.
 */
final class BodyLimit extends HttpObjectAggregator {

    private final int maxBytes;
    private final Responses responses;

    BodyLimit(int maxBytes, Responses responses) {
        super(maxBytes);
        this.maxBytes = maxBytes;
        this.responses = responses;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        FullHttpResponse refusal = responses.error(ApiException.badRequest(
                "request body is too large: berth accepts at most " + maxBytes + " bytes"));
        refusal.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(refusal).addListener(written -> {
            if (ctx.channel() instanceof DuplexChannel duplex && written.isSuccess()) {
                duplex.shutdownOutput();
            } else {
                ctx.channel().close();
            }
        });
    }
}
