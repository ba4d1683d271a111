package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.core.LogSink;
import dev.berth.engine.runtime.LogAttachment;
import dev.berth.engine.runtime.launch.ControlFifo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * A client attached to a container ({@link Engine#attach}): the output written from the moment of
 * attaching (or the whole log, when asked for) until the container's run ends, and the way to its
 * stdin when it was created with an open one. Made before the container starts, it loses nothing.
 */
public final class ContainerAttachment {

    private final LogAttachment attachment;
    private final ContainerView container;

    ContainerAttachment(LogAttachment attachment, ContainerView container) {
        this.attachment = attachment;
        this.container = container;
    }

    /** The container as it was when attached (its ID, TTY and stdin flags). */
    public ContainerView container() {
        return container;
    }

    /**
     * Passes the container's output to {@code sink} until its run has ended and the output is all
     * read, or {@code stop} holds.
     */
    public void output(LogSink sink, BooleanSupplier stop) {
        attachment.follow(sink, stop);
    }

    /**
     * Copies {@code client}'s bytes to the container's stdin (waiting for the container to run)
     * until the client's end of input; then, for a container created with {@code StdinOnce},
     * closes the container's stdin. Returns early once the run has ended or {@code stop} holds. A
     * container without an open stdin reads nothing: the bytes are dropped, as Docker does.
     *
     * @throws IOException when the container's stdin cannot be written
     */
    public void copyStdin(InputStream client, BooleanSupplier stop) throws IOException {
        byte[] buffer = new byte[8192];
        if (!attachment.hasStdin()) {
            client.transferTo(OutputStream.nullOutputStream());
            return;
        }
        ControlFifo stdin = null;
        try {
            for (int n; (n = client.read(buffer)) >= 0; ) {
                if (stdin == null && (stdin = attachment.stdinWhenRunning(stop)) == null) {
                    return;
                }
                stdin.stdin(buffer, 0, n);
            }
            if (container.stdinOnce()) {
                if (stdin == null && (stdin = attachment.stdinWhenRunning(stop)) == null) {
                    return;
                }
                stdin.closeStdin();
            }
        } catch (EngineException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            if (stdin != null) {
                stdin.close();
            }
        }
    }

    /** Lets go of the log; call it when done, also when {@link #output} was never called. */
    public void close() {
        attachment.close();
    }
}
