package dev.berth.engine.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A test client that speaks raw bytes on a unix socket, so tests see exactly what the server
 * writes: heads, chunk framing, hijacked streams.
 */
final class UnixHttp implements AutoCloseable {

    private final SocketChannel channel;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private UnixHttp(SocketChannel channel) {
        this.channel = channel;
    }

    static UnixHttp connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new UnixHttp(channel);
    }

    /** One request on a new connection that asks the server to close after answering; the whole answer. */
    static String exchange(Path socket, String method, String path, String body) throws IOException {
        try (UnixHttp http = connect(socket)) {
            http.send(request(method, path, body, "Connection: close\r\n"));
            return http.readToEnd();
        }
    }

    /** One request with a binary body on a new connection that asks the server to close after answering. */
    static String exchangeBytes(Path socket, String method, String path, byte[] body) throws IOException {
        try (UnixHttp http = connect(socket)) {
            http.send(method + " " + path + " HTTP/1.1\r\nHost: docker\r\nConnection: close\r\nContent-Length: "
                    + body.length + "\r\n\r\n");
            http.send(ByteBuffer.wrap(body));
            return http.readToEnd();
        }
    }

    static String request(String method, String path, String body, String extraHeaders) {
        return method + " " + path + " HTTP/1.1\r\nHost: docker\r\n" + extraHeaders
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n")
                + "\r\n" + (body == null ? "" : body);
    }

    void send(String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    void send(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /**
     * Writes {@code bytes} until they are all written or the server has taken none for
     * {@code stall}; returns how many were written.
     */
    long sendUntilStalled(ByteBuffer bytes, Duration stall) throws IOException {
        long written = 0;
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_WRITE);
            while (bytes.hasRemaining()) {
                int n = channel.write(bytes);
                written += n;
                if (n == 0) {
                    selector.selectedKeys().clear();
                    if (selector.select(stall.toMillis()) == 0) {
                        return written;
                    }
                }
            }
            return written;
        } finally {
            channel.configureBlocking(true);
        }
    }

    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** Reads until the server closes the connection; everything received so far and after. */
    String readToEnd() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (channel.read(buffer) >= 0) {
            received.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /**
     * Reads until what was received contains {@code expected} or the deadline passes; everything received.
     *
     * @throws IOException when the connection ends or the deadline passes first
     */
    String readUntil(String expected, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (!received.toString(StandardCharsets.UTF_8).contains(expected)) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new IOException("no " + expected + " within " + deadline + "; received: " + received);
                }
                selector.select(left);
                selector.selectedKeys().clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    throw new IOException("connection closed before " + expected + "; received: " + received);
                }
                received.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return received.toString(StandardCharsets.UTF_8);
        } finally {
            channel.configureBlocking(true);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
