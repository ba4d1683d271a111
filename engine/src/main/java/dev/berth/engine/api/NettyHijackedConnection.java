package dev.berth.engine.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import io.netty.channel.Channel;

/** A {@link HijackedConnection} on a Netty channel with HTTP removed from its pipeline. */
final class NettyHijackedConnection implements HijackedConnection {

    private final Channel channel;
    private final InputStream input;
    private final OutputStream output;

    NettyHijackedConnection(Channel channel, InputStream input) {
        this.channel = channel;
        this.input = input;
        this.output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > 0) {
                    ChannelOutput.writeBytes(channel, b, off, len);
                }
            }
        };
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }
}
