package dev.berth.engine.runtime.launch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.berth.engine.core.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process running in a container through {@code berth-launch exec}: its stdin, stdout and stderr
 * are the launcher's pipes (with a TTY, stdout carries the terminal's output and stderr stays
 * empty), its exit status the launcher's. The spec file and the control FIFO are deleted once it
 * has exited.
 */
public final class ExecProcess {

    private final Process process;
    private final Path specFile;
    private final Path controlPath;
    private final ControlFifo control;

    ExecProcess(Process process, Path specFile, Path controlPath, ControlFifo control) {
        this.process = process;
        this.specFile = specFile;
        this.controlPath = controlPath;
        this.control = control;
    }

    /** The launcher's host PID. */
    public long pid() {
        return process.pid();
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    public InputStream stderr() {
        return process.getErrorStream();
    }

    public boolean tty() {
        return control != null;
    }

    /**
     * Sets the window size of the process's terminal.
     *
     * @throws EngineException when it has no terminal or the launcher cannot be told
     */
    public void resize(int rows, int columns) {
        if (control == null) {
            throw new EngineException("cannot resize the exec process " + pid() + ": it has no TTY");
        }
        try {
            control.resize(rows, columns);
        } catch (IOException e) {
            throw new EngineException("cannot resize the TTY of exec process " + pid() + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the process; returns its exit code (128+signal when killed, 126/127 when it could not run). */
    public int waitFor() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the exec process " + pid(), e);
        } finally {
            if (!process.isAlive()) {
                cleanUp();
            }
        }
    }

    /** Waits for the process at most {@code timeout}; true when it has exited. */
    public boolean waitFor(Duration timeout) {
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) {
                cleanUp();
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the exec process " + pid(), e);
        }
    }

    /** Kills the launcher and every process it started (the command and its children), and waits for it. */
    public void killAll() {
        // the command's own children first: once the launcher dies they would be orphans
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor();
    }

    private void cleanUp() {
        try {
            if (control != null) {
                control.close();
                Files.deleteIfExists(controlPath);
            }
            Files.deleteIfExists(specFile);
        } catch (IOException e) {
            // a stale spec file or FIFO only wastes an inode in the container's own folder, removed with it
        }
    }
}
