package dev.berth.engine.runtime.launch;

import dev.berth.engine.core.EngineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * Starts containers and exec processes through the berth-launch binary.
 *
 * <p>Protocol of {@code berth-launch launch SPECFILE}: the spec (see {@link SpecWriter}) is written
 * to {@code <stateDir>/launch.spec}; the launcher's stdout (stderr merged) then carries lines:
 * <ul>
 *   <li>{@code net <initpid>} - only with {@link LaunchSpec#syncNetwork()}: the namespaces exist and
 *       the container waits; the {@link NetworkWiring} runs, then one line on the launcher's stdin
 *       releases it;</li>
 *   <li>{@code ok <initpid>} - the command was exec'd; the launcher process stays as the monitor
 *       (its own session, stdio on /dev/null, no parent-death signal, so it outlives this JVM),
 *       writes the json-file log and, when the container ends, {@code <stateDir>/exit.json}
 *       ({@code {"exitCode":N,"signal":S,"finishedAt":"RFC 3339","error":"..."}}, temp + rename)
 *       and exits;</li>
 *   <li>{@code error <code> <message>} - nothing runs; {@code exit.json} holds the code.</li>
 * </ul>
 *
 * <p>With {@link LaunchSpec#tty()} or {@link LaunchSpec#openStdin()} the monitor makes the FIFO
 * {@link LaunchSpec#control()} before the container runs, reads {@link ControlFifo} frames from it
 * (stdin bytes, stdin close, window size) and removes it when the container ends.
 *
 * <p>{@code berth-launch exec SPECFILE} runs in the foreground: its stdin, stdout and stderr are the
 * process's, its exit status the process's (128+signal when killed; 126/127 when it cannot be run).
 * With {@link ExecSpec#tty()} the process gets a pseudo-terminal of the container's own, the
 * launcher relays its stdin to it and its output to stdout, and reads window sizes from the control
 * FIFO the caller made.
 */
public final class Launcher {

    /** Wires the container's network while the launcher waits at the sync point. */
    @FunctionalInterface
    public interface NetworkWiring {
        void wire(long initPid);
    }

    /** Told the monitor's PID as soon as the launcher process exists, before it reports. */
    @FunctionalInterface
    public interface MonitorSpawned {
        void spawned(long monitorPid);
    }

    private final Path binary;

    public Launcher(Path binary) {
        this.binary = binary;
    }

    public Path binary() {
        return binary;
    }

    /**
     * Starts the container of {@code spec}; returns once its command was exec'd.
     *
     * @throws EngineException before anything runs when the command line and environment exceed
     *                         the kernel's ARG_MAX ({@link ArgMax})
     */
    public Launched launch(LaunchSpec spec) {
        return launch(spec, pid -> { });
    }

    /** As {@link #launch(LaunchSpec)}, calling {@code wiring} at the network sync point when asked for. */
    public Launched launch(LaunchSpec spec, NetworkWiring wiring) {
        return launch(spec, wiring, monitorPid -> { });
    }

    /**
     * As {@link #launch(LaunchSpec, NetworkWiring)}, telling {@code spawned} the monitor's PID first
     * (the launcher process becomes the monitor), so that the caller can record it before the
     * container runs; if {@code spawned} throws, the launcher is killed.
     */
    public Launched launch(LaunchSpec spec, NetworkWiring wiring, MonitorSpawned spawned) {
        ArgMax.check("cannot start container " + spec.id(), spec.argv(), spec.env(), spec.rlimits());
        Path specFile = spec.stateDir().resolve("launch.spec");
        writePrivate(specFile, SpecWriter.launch(spec));
        ProcessBuilder pb = new ProcessBuilder(binary.toString(), "launch", specFile.toString())
                .redirectErrorStream(true);
        Process p = start(pb, spec.id());
        try {
            spawned.spawned(p.pid());
        } catch (RuntimeException e) {
            // not recorded: the container must not run unknown to the engine
            p.destroyForcibly();
            throw e;
        }
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             OutputStream in = p.getOutputStream()) {
            String line = out.readLine();
            if (line != null && line.startsWith("net ")) {
                wiring.wire(Long.parseLong(line.substring(4).trim()));
                in.write('\n');
                in.flush();
                line = out.readLine();
            }
            if (line != null && line.startsWith("ok ")) {
                return new Launched(p.pid(), Long.parseLong(line.substring(3).trim()));
            }
            if (line != null && line.startsWith("error ")) {
                String rest = line.substring(6);
                int sp = rest.indexOf(' ');
                throw new LaunchFailedException(spec.id(), Integer.parseInt(rest.substring(0, sp)),
                        rest.substring(sp + 1));
            }
            String more = line == null ? "" : line + "\n" + readAll(p.getInputStream());
            throw new EngineException("cannot start container " + spec.id() + ": berth-launch exited with "
                    + p.waitFor() + " without reporting (" + more.strip() + ")");
        } catch (IOException e) {
            throw new EngineException("cannot start container " + spec.id() + ": talking to berth-launch failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while starting container " + spec.id(), e);
        }
    }

    /**
     * The root filesystem of a container that is not running, mounted as at start (overlay, volumes,
     * binds) in a mount namespace of a helper process alone, until {@link RootHold#close()}; the
     * engine reaches it through {@code /proc/PID/root} of {@link RootHold#pid()}.
     */
    public RootHold holdRoot(LaunchSpec spec) {
        Path specFile = spec.stateDir().resolve("root-" + UUID.randomUUID() + ".spec");
        writePrivate(specFile, SpecWriter.launch(spec));
        Process p = start(new ProcessBuilder(binary.toString(), "root", specFile.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD), spec.id());
        try {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (line != null && line.startsWith("ok ")) {
                return new RootHold(p, Long.parseLong(line.substring(3).trim()));
            }
            p.getOutputStream().close();
            p.waitFor();
            String why = line != null && line.startsWith("error ") ? line.substring(line.indexOf(' ', 6) + 1)
                    : "berth-launch exited with " + p.exitValue() + " without reporting";
            throw new EngineException("cannot mount the root filesystem of container " + spec.id() + ": " + why);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new EngineException("cannot mount the root filesystem of container " + spec.id()
                    + ": talking to berth-launch failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while mounting the root filesystem of container " + spec.id(), e);
        } finally {
            try {
                Files.deleteIfExists(specFile);
            } catch (IOException e) {
                // a stale spec file only wastes a few bytes in the container's own folder
            }
        }
    }

    /** A helper process holding a stopped container's root mounted; closing ends it and its mounts. */
    public static final class RootHold implements AutoCloseable {
        private final Process process;
        private final long pid;

        RootHold(Process process, long pid) {
            this.process = process;
            this.pid = pid;
        }

        public long pid() {
            return pid;
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs {@code spec} inside a running container and waits for it; {@code scratch} holds the spec file. */
    public ExecResult exec(ExecSpec spec, Path scratch) {
        return exec(spec, scratch, null);
    }

    /**
     * Runs {@code spec} inside a running container and waits for it at most {@code timeout} (null:
     * for ever).
     *
     * @throws ExecTimedOutException when the time is up; the launcher and every process it started
     *                               (the command and what the command started) are killed first
     */
    public ExecResult exec(ExecSpec spec, Path scratch, Duration timeout) {
        ExecProcess p = startExec(spec, scratch, null);
        try {
            p.stdin().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.stderr()),
                    Thread::startVirtualThread);
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.stdout()),
                    Thread::startVirtualThread);
            if (timeout != null && !p.waitFor(timeout)) {
                p.killAll();
                throw new ExecTimedOutException("exec in the container of PID " + spec.initPid() + " ran longer than "
                        + timeout + " and was killed", timeout);
            }
            int code = p.waitFor();
            return new ExecResult(code, out.get(), err.get());
        } catch (IOException | UncheckedIOException e) {
            throw new EngineException("exec in the container of PID " + spec.initPid() + " failed: " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new EngineException("exec in the container of PID " + spec.initPid() + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for an exec in the container of PID "
                    + spec.initPid(), e);
        }
    }

    /**
     * Starts {@code spec} inside a running container and returns at once; {@code scratch} holds the
     * spec file. With {@link ExecSpec#tty()}, {@code control} is a FIFO the caller made for it
     * (window sizes); otherwise null.
     */
    public ExecProcess startExec(ExecSpec spec, Path scratch, Path control) {
        ArgMax.check("cannot exec in the container of PID " + spec.initPid(), spec.argv(), spec.env(),
                spec.rlimits());
        if (spec.tty() != (control != null)) {
            throw new IllegalArgumentException("an exec has a control FIFO if and only if it has a TTY");
        }
        Path specFile = scratch.resolve("exec-" + UUID.randomUUID() + ".spec");
        writePrivate(specFile, SpecWriter.exec(spec, control));
        ControlFifo fifo = null;
        try {
            if (control != null) {
                fifo = ControlFifo.open(control);
            }
            Process p = start(new ProcessBuilder(binary.toString(), "exec", specFile.toString()), "exec");
            return new ExecProcess(p, specFile, control, fifo);
        } catch (IOException | RuntimeException e) {
            try {
                if (fifo != null) {
                    fifo.close();
                }
                Files.deleteIfExists(specFile);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new EngineException("cannot open the control FIFO " + control + " of an exec: " + e.getMessage(), e);
        }
    }

    private Process start(ProcessBuilder pb, String what) {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new EngineException("cannot run " + binary + " for " + what + ": " + e.getMessage()
                    + " (rebuild the engine module or set BERTH_LAUNCHER)", e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePrivate(Path file, byte[] bytes) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new EngineException("cannot write the launcher spec " + file + ": " + e.getMessage(), e);
        }
    }
}
