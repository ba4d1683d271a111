package dev.berth.engine.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/** Turns answers into HTTP responses, each carrying the headers Docker sends on every response. */
final class Responses {

    static final String JSON = "application/json";

    private final Map<String, String> common;

    /** @param common headers sent on every response ({@code Api-Version}, {@code Ostype}, {@code Server}…) */
    Responses(Map<String, String> common) {
        this.common = Map.copyOf(common);
    }

    Map<String, String> common() {
        return common;
    }

    FullHttpResponse error(ApiException e) {
        return full(e.status(), JSON, ApiJson.line(Map.of("message", e.getMessage())));
    }

    FullHttpResponse full(int status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        addCommon(response);
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        HttpUtil.setContentLength(response, body.length);
        return response;
    }

    FullHttpResponse empty(int status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        addCommon(response);
        if (status != 304 && status != 204) {
            HttpUtil.setContentLength(response, 0);
        }
        return response;
    }

    HttpResponse chunkedHead(int status, String contentType) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        addCommon(response);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpUtil.setTransferEncodingChunked(response, true);
        return response;
    }

    /**
     * The head of a hijacked answer, written as raw bytes once HTTP is off the connection: {@code
     * 101 UPGRADED} with {@code Upgrade: tcp} when the client asked to upgrade, else {@code 200 OK}
     * with no length, the raw stream running until the connection closes (engine-api.md §2.3).
     */
    byte[] hijackHead(boolean upgrade, String contentType) {
        StringBuilder head = new StringBuilder(upgrade ? "HTTP/1.1 101 UPGRADED\r\n" : "HTTP/1.1 200 OK\r\n");
        head.append("Content-Type: ").append(contentType).append("\r\n");
        if (upgrade) {
            head.append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
        }
        common.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    void sendAndClose(Channel channel, FullHttpResponse response) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private void addCommon(HttpResponse response) {
        common.forEach((name, value) -> response.headers().set(name, value));
    }
}
