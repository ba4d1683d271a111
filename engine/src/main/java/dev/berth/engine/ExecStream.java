package dev.berth.engine;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A started exec instance's process, for the one who started it: its stdin, its stdout and stderr
 * as they come (with a TTY everything is on stdout and stderr is empty), and its end.
 */
public interface ExecStream {

    /** The process's stdin; closing it is the process's end of file. */
    OutputStream stdin();

    InputStream stdout();

    InputStream stderr();

    /** Whether the process runs on a terminal (its output is then one raw stream). */
    boolean tty();

    /**
     * Waits until the process has ended and its exit code is recorded in the instance
     * ({@link Engine#inspectExec}); returns the exit code.
     */
    int awaitExit();
}
