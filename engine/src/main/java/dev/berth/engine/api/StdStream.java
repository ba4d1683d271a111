package dev.berth.engine.api;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Docker's stdout/stderr on one connection (engine-api.md §2.2): without a TTY each write is a frame,
 * an 8-byte header {@code [stream, 0, 0, 0, length as 32-bit big-endian]} and the payload (stream 1
 * stdout, 2 stderr); with a TTY the bytes go raw. Writes from several threads never interleave
 * within a frame. Once the client has gone, writes are dropped ({@link #clientGone()}), so that a
 * process whose output nobody reads any more is still drained.
 */
final class StdStream {

    static final int STDOUT = 1;
    static final int STDERR = 2;
    static final String RAW = "application/vnd.docker.raw-stream";
    static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
    private static final ApiVersion MULTIPLEXED_SINCE = new ApiVersion("1.42");

    private final OutputStream out;
    private final boolean framed;
    private boolean gone;

    StdStream(OutputStream out, boolean framed) {
        this.out = out;
        this.framed = framed;
    }

    /**
     * The media type of a stream of {@code version} (moby {@code postContainersAttach}): raw for a
     * TTY and before API 1.42, multiplexed otherwise.
     */
    static String mediaType(ApiVersion version, boolean tty) {
        return tty || version.isOlderThan(MULTIPLEXED_SINCE) ? RAW : MULTIPLEXED;
    }

    /** The 8-byte header and the payload of one frame. */
    static byte[] frame(int stream, byte[] bytes, int off, int len) {
        byte[] frame = new byte[8 + len];
        frame[0] = (byte) stream;
        frame[4] = (byte) (len >>> 24);
        frame[5] = (byte) (len >>> 16);
        frame[6] = (byte) (len >>> 8);
        frame[7] = (byte) len;
        System.arraycopy(bytes, off, frame, 8, len);
        return frame;
    }

    /** Writes {@code len} bytes of {@code stream}; false when the client has gone (now or before). */
    synchronized boolean write(int stream, byte[] bytes, int off, int len) {
        if (gone || len == 0) {
            return !gone;
        }
        try {
            if (framed) {
                out.write(frame(stream, bytes, off, len));
            } else {
                out.write(bytes, off, len);
            }
            return true;
        } catch (IOException e) {
            gone = true;
            return false;
        }
    }

    synchronized boolean clientGone() {
        return gone;
    }
}
