package dev.berth.engine.api;

import java.io.IOException;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

/** Writes from a handler's virtual thread to a connection, one flushed write at a time. */
final class ChannelOutput {

    private ChannelOutput() {
    }

    /**
     * Writes {@code message} and waits until the connection took it, so a slow client slows the
     * writer down instead of filling memory.
     *
     * @throws IOException when the client has gone away
     */
    static void writeAndWait(Channel channel, Object message) throws IOException {
        ChannelFuture written = channel.writeAndFlush(message);
        written.awaitUninterruptibly();
        if (!written.isSuccess()) {
            throw new IOException("the client closed the connection", written.cause());
        }
    }

    static void writeBytes(Channel channel, byte[] bytes, int off, int len) throws IOException {
        byte[] copy = new byte[len];
        System.arraycopy(bytes, off, copy, 0, len);
        writeAndWait(channel, Unpooled.wrappedBuffer(copy));
    }
}
