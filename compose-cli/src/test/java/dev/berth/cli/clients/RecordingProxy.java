package dev.berth.cli.clients;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A unix-socket relay between real clients and berth's daemon that records every HTTP exchange
 * the clients received (method, target, status, content type, body), so the tests can check them
 * against the OpenAPI description. Bytes pass unchanged; a hijacked connection (attach, exec
 * start) is recorded up to its response head and then only relayed.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request and the response the client got; {@code body} is the whole body, or as much as came before the connection closed. */
    record Exchange(String method, String path, int status, String contentType, byte[] body) {
    }

    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final Path listen;
    private final Path target;
    private final ServerSocketChannel server;
    private final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private final List<SocketChannel> open = new ArrayList<>();
    private final Thread acceptor;

    RecordingProxy(Path listen, Path target) throws IOException {
        this.listen = listen;
        this.target = target;
        Files.deleteIfExists(listen);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(listen));
        acceptor = Thread.ofVirtual().name("recording-proxy").start(this::accept);
    }

    Path socket() {
        return listen;
    }

    /** Every exchange recorded so far, in the order the responses ended. */
    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(target));
                synchronized (open) {
                    open.add(client);
                    open.add(upstream);
                }
                new Connection(client, upstream).start();
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                if (server.isOpen()) {
                    throw new java.io.UncheckedIOException("the recording proxy cannot accept a client on " + listen, e);
                }
            }
        }
    }

    /** One client connection: requests are parsed on the way up, responses on the way down. */
    private final class Connection {
        private final SocketChannel client;
        private final SocketChannel upstream;
        private final Queue<HttpRequest> pending = new ConcurrentLinkedQueue<>();
        private volatile boolean hijacked;

        Connection(SocketChannel client, SocketChannel upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            Thread.ofVirtual().start(this::up);
            Thread.ofVirtual().start(this::down);
        }

        private void up() {
            EmbeddedChannel requests = new EmbeddedChannel(new HttpRequestDecoder());
            relay(client, upstream, bytes -> {
                if (!hijacked) {
                    requests.writeInbound(Unpooled.wrappedBuffer(bytes));
                    for (Object m; (m = requests.readInbound()) != null; ) {
                        if (m instanceof HttpRequest request && !hijacked) {
                            pending.add(request);
                            if (takesOver(request.uri())) {
                                hijacked = true; // what follows is the client's stdin, not HTTP
                            }
                        }
                        ReferenceCountUtil.release(m);
                    }
                }
            });
            requests.finishAndReleaseAll();
        }

        private void down() {
            Response current = new Response();
            EmbeddedChannel responses = new EmbeddedChannel(new HttpResponseDecoder() {
                @Override
                protected boolean isContentAlwaysEmpty(HttpMessage msg) {
                    HttpRequest request = pending.peek();
                    return (request != null && request.method().name().equals("HEAD")) || super.isContentAlwaysEmpty(msg);
                }
            });
            relay(upstream, client, bytes -> {
                if (current.done) {
                    return;
                }
                responses.writeInbound(Unpooled.wrappedBuffer(bytes));
                for (Object m; (m = responses.readInbound()) != null; ) {
                    try {
                        if (m instanceof HttpResponse response) {
                            current.head = response;
                            current.body.reset();
                            HttpRequest request = pending.peek();
                            if (request != null && takesOver(request.uri())) {
                                record(current, pending.poll());
                                current.done = true; // a raw stream from here on
                                return;
                            }
                        }
                        if (m instanceof HttpContent content) {
                            ByteBuf data = content.content();
                            if (current.body.size() + data.readableBytes() <= MAX_BODY) {
                                byte[] chunk = new byte[data.readableBytes()];
                                data.getBytes(data.readerIndex(), chunk);
                                current.body.writeBytes(chunk);
                            }
                        }
                        if (m instanceof LastHttpContent && current.head != null) {
                            record(current, pending.poll());
                            current.head = null;
                        }
                    } finally {
                        ReferenceCountUtil.release(m);
                    }
                }
            });
            if (current.head != null && !current.done) {
                // a stream the client left (events, logs -f): keep its whole lines
                byte[] all = current.body.toByteArray();
                int end = all.length;
                while (end > 0 && all[end - 1] != '\n') {
                    end--;
                }
                current.body.reset();
                current.body.write(all, 0, end);
                record(current, pending.poll());
            }
            responses.finishAndReleaseAll();
        }

        private void record(Response response, HttpRequest request) {
            if (request == null) {
                return;
            }
            String type = response.head.headers().get("Content-Type", "");
            exchanges.add(new Exchange(request.method().name(), request.uri(), response.head.status().code(), type,
                    response.body.toByteArray()));
        }
    }

    private static final class Response {
        HttpResponse head;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean done;
    }

    /** Attach and exec start turn the connection into a raw stream once answered. */
    private static boolean takesOver(String uri) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        return path.endsWith("/attach") || (path.contains("/exec/") && path.endsWith("/start"));
    }

    private interface Tee {
        void accept(byte[] bytes);
    }

    /** Copies {@code from} to {@code to} until end of stream, showing each read to {@code tee}; then half-closes {@code to}. */
    private static void relay(SocketChannel from, SocketChannel to, Tee tee) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                tee.accept(bytes);
                ByteBuffer out = ByteBuffer.wrap(bytes);
                while (out.hasRemaining()) {
                    to.write(out);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException gone) {
            // one side closed the connection: the other side's relay ends on its own read
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // both are being torn down
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (SocketChannel c : open) {
                c.close();
            }
        }
        acceptor.interrupt();
        Files.deleteIfExists(listen);
    }
}
