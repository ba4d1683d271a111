package dev.berth.engine.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The client's raw bytes on a hijacked connection, as an {@link InputStream}: bytes that came
 * with the request head first, then what arrives. A half-close (or disconnect) is the end of the
 * stream. Reading from the socket pauses while more than {@link #HIGH_WATER} bytes wait unread.
 */
final class HijackInput extends ChannelInboundHandlerAdapter {

    static final int HIGH_WATER = 1 << 20;

    private final Deque<byte[]> chunks = new ArrayDeque<>();
    private int buffered;
    private boolean ended;
    private ChannelHandlerContext ctx;

    private final InputStream stream = new InputStream() {
        private byte[] current = new byte[0];
        private int pos;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos == current.length) {
                byte[] next = take();
                if (next == null) {
                    return -1;
                }
                current = next;
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    };

    InputStream stream() {
        return stream;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf buf && buf.isReadable()) {
                offer(ByteBufUtil.getBytes(buf));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            end();
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end();
        ctx.fireChannelInactive();
    }

    private synchronized void offer(byte[] bytes) {
        chunks.add(bytes);
        buffered += bytes.length;
        if (buffered > HIGH_WATER) {
            ctx.channel().config().setAutoRead(false);
        }
        notifyAll();
    }

    synchronized void end() {
        ended = true;
        notifyAll();
    }

    private synchronized byte[] take() throws IOException {
        while (chunks.isEmpty() && !ended) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading a hijacked connection", e);
            }
        }
        byte[] next = chunks.poll();
        if (next != null) {
            buffered -= next.length;
            if (buffered <= HIGH_WATER / 2 && !ended) {
                ctx.channel().config().setAutoRead(true);
            }
        }
        return next;
    }
}
