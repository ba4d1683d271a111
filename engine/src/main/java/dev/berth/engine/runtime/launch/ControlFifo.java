package dev.berth.engine.runtime.launch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The writing end of a launcher's control FIFO: the container monitor's {@code <state>/control}
 * (a container with a TTY or an open stdin) or an exec's own FIFO (an exec with a TTY).
 *
 * <p>Each message is one frame, {@code TYPE LEN_HI LEN_LO PAYLOAD}, written with one
 * {@code write(2)} of at most {@link #PIPE_BUF} bytes, so frames from several writers (two attached
 * clients) never interleave. Types: {@code d} bytes for the process's stdin, {@code c} close the
 * process's stdin (after the bytes sent before it), {@code r} a window size (rows and columns,
 * 16 bits each, big-endian).
 *
 * <p>The FIFO is opened for reading and writing: that never blocks, not even before the launcher
 * has opened it, and what is written waits in the FIFO until the launcher reads it.
 */
public final class ControlFifo implements AutoCloseable {

    static final int PIPE_BUF = 4096;
    private static final int HEADER = 3;

    private final Path path;
    private final FileChannel channel;

    private ControlFifo(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Opens the FIFO at {@code path}.
     *
     * @throws IOException when it does not exist or cannot be opened
     */
    public static ControlFifo open(Path path) throws IOException {
        return new ControlFifo(path, FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    /** Passes {@code len} bytes of {@code bytes} from {@code off} to the process's stdin. */
    public void stdin(byte[] bytes, int off, int len) throws IOException {
        for (int at = off; at < off + len; at += PIPE_BUF - HEADER) {
            int n = Math.min(PIPE_BUF - HEADER, off + len - at);
            ByteBuffer frame = ByteBuffer.allocate(HEADER + n).put((byte) 'd').putShort((short) n).put(bytes, at, n);
            write(frame);
        }
    }

    /** Closes the process's stdin once the bytes sent before have been passed on. */
    public void closeStdin() throws IOException {
        write(ByteBuffer.allocate(HEADER).put((byte) 'c').putShort((short) 0));
    }

    /** Sets the window size of the process's terminal. */
    public void resize(int rows, int columns) throws IOException {
        write(ByteBuffer.allocate(HEADER + 4).put((byte) 'r').putShort((short) 4)
                .putShort((short) rows).putShort((short) columns));
    }

    private synchronized void write(ByteBuffer frame) throws IOException {
        frame.flip();
        // a FIFO takes a write of at most PIPE_BUF bytes whole, so one call suffices; the loop only guards
        while (frame.hasRemaining()) {
            if (channel.write(frame) <= 0) {
                throw new IOException("cannot write to the control FIFO " + path + ": it took no bytes");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
