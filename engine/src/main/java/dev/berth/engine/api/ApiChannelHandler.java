package dev.berth.engine.api;

import dev.berth.engine.core.EngineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

/**
 * Serves the requests of one connection, one at a time and in order: routes each request (its
 * body whole, or still arriving for a streaming route), runs its handler on a virtual thread and
 * writes the answer — whole, chunked, or by handing the raw connection over (hijacking).
 * Pipelined requests wait their turn.
 */
final class ApiChannelHandler extends ChannelInboundHandlerAdapter {

    static final String HTTP = "http";
    static final String BODY = "body";
    static final String STREAMED = "streamed";
    static final String HIJACK_INPUT = "hijack-input";

    private final Router router;
    private final Responses responses;
    private final Executor executor;
    private final InFlight inFlight;
    private final Consumer<String> log;

    private final Deque<Object> pending = new ArrayDeque<>();
    private boolean busy;
    private boolean inputClosed;
    private boolean draining;
    /** A chunked body is being written: the connection is read meanwhile to notice the client leave. */
    private boolean streaming;

    ApiChannelHandler(Router router, Responses responses, Executor executor, InFlight inFlight, Consumer<String> log) {
        this.router = router;
        this.responses = responses;
        this.executor = executor;
        this.inFlight = inFlight;
        this.log = log;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest) && !(msg instanceof StreamedBodies.StreamedRequest)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (busy) {
            pending.add(msg);
            if (streaming) {
                // one request in line is enough: reading on would buffer whatever the client sends
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        try {
            start(ctx, msg);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void start(ChannelHandlerContext ctx, Object msg) {
        HttpRequest http = msg instanceof StreamedBodies.StreamedRequest streamed ? streamed.head() : (HttpRequest) msg;
        try {
            route(ctx, msg, http);
        } catch (RuntimeException e) {
            log.accept("internal error reading " + http.method() + " " + http.uri() + ": " + e);
            responses.sendAndClose(ctx.channel(), responses.error(
                    new ApiException(500, "internal error in berth (please report it): " + e, e)));
        }
    }

    private void route(ChannelHandlerContext ctx, Object msg, HttpRequest http) {
        busy = true;
        ctx.channel().config().setAutoRead(false);
        StreamedBody streamed = msg instanceof StreamedBodies.StreamedRequest s ? s.body() : null;
        if (http.decoderResult().isFailure()) {
            responses.sendAndClose(ctx.channel(), responses.error(ApiException.badRequest(
                    "malformed HTTP request: " + http.decoderResult().cause().getMessage())));
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        QueryStringDecoder uri = new QueryStringDecoder(http.uri());
        Router.Match match;
        try {
            match = router.resolve(http.method().name(), uri.rawPath());
        } catch (ApiException e) {
            inFlight.begin();
            respond(ctx, responses.error(e), keepAlive, streamed);
            return;
        }
        Map<String, String> headers = new TreeMap<>();
        http.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        QueryParams query;
        try {
            query = new QueryParams(uri.parameters());
        } catch (IllegalArgumentException e) {
            inFlight.begin();
            respond(ctx, responses.error(ApiException.badRequest("malformed query string in " + http.uri()
                    + ": " + e.getMessage())), keepAlive, streamed);
            return;
        }
        byte[] body = msg instanceof FullHttpRequest full ? ByteBufUtil.getBytes(full.content()) : new byte[0];
        ApiRequest request = new ApiRequest(http.method().name(), match.path(), match.version(), match.params(),
                query, headers, body, streamed);
        HijackInput input = match.route().hijacking() ? stopReadingHttp(ctx) : null;
        inFlight.begin();
        executor.execute(() -> serve(ctx, match.route(), request, keepAlive && input == null, input, streamed));
    }

    /**
     * Takes HTTP decoding off the connection before a hijacking handler runs: bytes that came
     * after the request head (stdin sent at once) and all later bytes go to a {@link HijackInput}.
     */
    private static HijackInput stopReadingHttp(ChannelHandlerContext ctx) {
        HijackInput input = new HijackInput();
        ctx.pipeline().addAfter(HTTP, HIJACK_INPUT, input);
        ctx.pipeline().remove(BODY);
        ctx.pipeline().remove(STREAMED);
        ((HttpServerCodec) ctx.pipeline().get(HTTP)).removeInboundHandler();
        return input;
    }

    private void serve(ChannelHandlerContext ctx, Router.Route route, ApiRequest request, boolean keepAlive,
                       HijackInput input, StreamedBody streamed) {
        ApiResponse answer;
        try {
            answer = route.handler().handle(request);
        } catch (ApiException e) {
            respond(ctx, responses.error(e), keepAlive, streamed);
            return;
        } catch (EngineException e) {
            respond(ctx, responses.error(EngineErrors.toApi(e)), keepAlive, streamed);
            return;
        } catch (IOException | RuntimeException e) {
            respond(ctx, responses.error(internal(route, e)), keepAlive, streamed);
            return;
        }
        switch (answer) {
            case ApiResponse.Json json ->
                    respond(ctx, responses.full(json.status(), Responses.JSON, ApiJson.line(json.value())), keepAlive,
                            streamed);
            case ApiResponse.Text text -> {
                FullHttpResponse response = responses.full(text.status(), text.contentType(),
                        text.text().getBytes(StandardCharsets.UTF_8));
                text.headers().forEach((name, value) -> response.headers().set(name, value));
                respond(ctx, response, keepAlive, streamed);
            }
            case ApiResponse.Empty empty -> respond(ctx, responses.empty(empty.status()), keepAlive, streamed);
            case ApiResponse.Stream stream -> stream(ctx, route, stream, keepAlive, streamed);
            case ApiResponse.Hijack hijack -> {
                if (input == null) {
                    respond(ctx, responses.error(internal(route, new IllegalStateException(
                            "the route answered with a hijack but is not registered with addHijacking"))), keepAlive,
                            streamed);
                } else {
                    hijack(ctx, route, request, hijack, input);
                }
            }
        }
    }

    private ApiException internal(Router.Route route, Exception e) {
        log.accept("internal error in " + route.method() + " " + route.pattern() + ": " + e);
        return new ApiException(500, "internal error in berth (please report it): " + e, e);
    }

    /**
     * Writes a whole answer. When the handler of a streaming route answered before the whole body
     * came, the connection cannot carry a next request: the answer says so, and the rest of the
     * body is read and dropped until the client closes (closing with unread bytes would reset the
     * connection, and the client might never see the answer).
     */
    private void respond(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive,
                         StreamedBody streamed) {
        boolean unread = streamed != null && !streamed.isComplete();
        if (!keepAlive || unread) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ctx.channel().writeAndFlush(response).addListener(written -> {
            inFlight.end();
            if (unread && written.isSuccess()) {
                drainThenClose(ctx, streamed);
            } else {
                done(ctx, keepAlive && written.isSuccess());
            }
        });
    }

    private void stream(ChannelHandlerContext ctx, Router.Route route, ApiResponse.Stream stream, boolean keepAlive,
                        StreamedBody streamed) {
        try {
            try {
                HttpResponse head = responses.chunkedHead(stream.status(), stream.contentType());
                stream.headers().forEach((name, value) -> head.headers().set(name, value));
                ChannelOutput.writeAndWait(ctx.channel(), head);
            } finally {
                inFlight.end(); // a stream may run for ever (logs --follow): shutdown does not wait for it
            }
            if (streamed == null) {
                // The request is read whole, so read on while the body runs: a client that leaves
                // (docker run -d leaves its wait) is noticed at once and the body's onClose actions
                // run; pipelined requests wait in line. A streamed request body keeps its own reading.
                ctx.executor().execute(() -> {
                    streaming = true;
                    if (inputClosed) {
                        ctx.channel().close();
                    } else {
                        ctx.channel().config().setAutoRead(true);
                    }
                });
            }
            stream.body().writeTo(new NettyChunkSink(ctx.channel()));
            ChannelOutput.writeAndWait(ctx.channel(), LastHttpContent.EMPTY_LAST_CONTENT);
            if (streamed != null && !streamed.isComplete()) {
                drainThenClose(ctx, streamed);
            } else {
                done(ctx, keepAlive);
            }
        } catch (IOException clientGone) {
            ctx.channel().close();
        } catch (RuntimeException e) {
            // The status is sent: the only way left to tell the client is to break the body.
            log.accept("stream of " + route.method() + " " + route.pattern() + " failed: " + e);
            ctx.channel().close();
        }
    }

    /** Ends berth's side of the connection and drops the rest of a request body, closing when it ends. */
    private void drainThenClose(ChannelHandlerContext ctx, StreamedBody streamed) {
        ctx.executor().execute(() -> {
            draining = true;
            if (ctx.channel() instanceof DuplexChannel duplex) {
                duplex.shutdownOutput();
            }
            streamed.discard(() -> ctx.channel().close());
            if (inputClosed) {
                ctx.channel().close();
            } else {
                ctx.channel().config().setAutoRead(true);
                ctx.read();
            }
        });
    }

    private void hijack(ChannelHandlerContext ctx, Router.Route route, ApiRequest request, ApiResponse.Hijack hijack,
                        HijackInput input) {
        try {
            try {
                ctx.executor().submit(() -> ctx.pipeline().remove(HTTP)).syncUninterruptibly();
                ChannelOutput.writeAndWait(ctx.channel(), Unpooled.wrappedBuffer(
                        responses.hijackHead(request.wantsUpgrade(), hijack.contentType())));
            } finally {
                inFlight.end();
            }
            ctx.channel().config().setAutoRead(true);
            hijack.session().run(new NettyHijackedConnection(ctx.channel(), input.stream()));
        } catch (IOException clientGone) {
            // nothing to tell: the connection closes below
        } catch (RuntimeException e) {
            log.accept("hijacked session of " + route.method() + " " + route.pattern() + " failed: " + e);
        } finally {
            ctx.channel().close();
        }
    }

    /** After an answer: the next pipelined request, or read on, or close. */
    private void done(ChannelHandlerContext ctx, boolean reuse) {
        ctx.executor().execute(() -> {
            streaming = false;
            if (!reuse) {
                ctx.channel().close();
                return;
            }
            busy = false;
            Object next = pending.poll();
            if (next != null) {
                try {
                    start(ctx, next);
                } finally {
                    ReferenceCountUtil.release(next);
                }
            } else if (inputClosed) {
                ctx.channel().close();
            } else {
                ctx.channel().config().setAutoRead(true);
                ctx.read();
            }
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            inputClosed = true;
            // a streamed answer to a whole request has no use for a client that stopped sending: it has left
            if (!busy || draining || streaming) {
                ctx.channel().close();
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pending.forEach(ReferenceCountUtil::release);
        pending.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.channel().close();
    }
}
