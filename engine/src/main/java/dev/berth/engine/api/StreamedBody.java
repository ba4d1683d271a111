package dev.berth.engine.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * The body of a request to a streaming route, as an {@link InputStream} fed as its chunks arrive
 * (chunked or Content-Length bodies alike, any size). Back-pressure: the connection is not read on
 * its own during a request; this stream asks for the next read only while fewer than
 * {@link #HIGH_WATER} bytes wait unread, so a slow reader slows the client down instead of filling
 * memory.
 *
 * <p>The event loop feeds it ({@link #offer}, {@link #end}, {@link #fail}); the handler's virtual
 * thread reads it. A handler that stops reading early leaves the rest to {@link #discard}.
 */
final class StreamedBody extends InputStream {

    static final int HIGH_WATER = 1 << 20;

    private final Channel channel;
    private final Deque<ByteBuf> chunks = new ArrayDeque<>();
    private long buffered;
    private boolean ended;
    private IOException failure;
    private Runnable whenDiscardedToEnd;

    StreamedBody(Channel channel) {
        this.channel = channel;
    }

    // ---- the event loop's side ----

    /** A chunk of the body arrived; takes ownership of {@code content}. */
    void offer(ByteBuf content) {
        boolean more;
        synchronized (this) {
            if (whenDiscardedToEnd != null || ended || failure != null || !content.isReadable()) {
                content.release();
                more = !ended && failure == null;
            } else {
                chunks.add(content);
                buffered += content.readableBytes();
                notifyAll();
                more = buffered < HIGH_WATER;
            }
        }
        if (more) {
            channel.read();
        }
    }

    /** The last chunk arrived. */
    void end() {
        Runnable then;
        synchronized (this) {
            ended = true;
            then = whenDiscardedToEnd;
            notifyAll();
        }
        if (then != null) {
            then.run();
        }
    }

    /** The body cannot be completed (the client went away, or sent a malformed chunk). */
    void fail(IOException cause) {
        synchronized (this) {
            if (ended) {
                return;
            }
            failure = cause;
            releaseAll();
            notifyAll();
        }
    }

    /**
     * Drops what is buffered and what still arrives; runs {@code then} on the event loop when the
     * last chunk has arrived (at once when it already has).
     */
    void discard(Runnable then) {
        boolean done;
        synchronized (this) {
            releaseAll();
            whenDiscardedToEnd = then;
            done = ended || failure != null;
        }
        if (done) {
            then.run();
        }
    }

    synchronized boolean isEnded() {
        return ended && chunks.isEmpty();
    }

    /** True when the whole body arrived (read or not) or it failed: nothing more will come. */
    synchronized boolean isComplete() {
        return ended || failure != null;
    }

    // ---- the reader's side ----

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
        boolean askForMore;
        int n;
        synchronized (this) {
            while (chunks.isEmpty() && !ended && failure == null) {
                if (!channel.isActive()) {
                    throw new IOException("the client closed the connection before sending the whole request body");
                }
                channel.read();
                try {
                    wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while reading the request body", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            if (chunks.isEmpty()) {
                return -1;
            }
            ByteBuf head = chunks.peekFirst();
            n = Math.min(len, head.readableBytes());
            head.readBytes(b, off, n);
            if (!head.isReadable()) {
                chunks.removeFirst().release();
            }
            boolean wasFull = buffered >= HIGH_WATER;
            buffered -= n;
            askForMore = wasFull && buffered < HIGH_WATER && !ended;
        }
        if (askForMore) {
            channel.read();
        }
        return n;
    }

    @Override
    public synchronized int available() {
        return (int) Math.min(Integer.MAX_VALUE, buffered);
    }

    private void releaseAll() {
        chunks.forEach(ByteBuf::release);
        chunks.clear();
        buffered = 0;
    }
}
