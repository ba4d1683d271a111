package dev.berth.engine.api;

import java.io.IOException;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;

/** A {@link ChunkSink} on a connection whose chunked response head is already sent. */
final class NettyChunkSink implements ChunkSink {

    private final Channel channel;

    NettyChunkSink(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return; // an empty chunk would end the chunked body
        }
        ChannelOutput.writeAndWait(channel, new DefaultHttpContent(Unpooled.wrappedBuffer(bytes.clone())));
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public void onClose(Runnable action) {
        channel.closeFuture().addListener(closed -> action.run());
    }
}
