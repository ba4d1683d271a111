package dev.berth.engine.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import dev.berth.engine.api.ApiServer;
import dev.berth.engine.api.ApiVersion;
import dev.berth.engine.api.HostFacts;
import dev.berth.engine.api.RouteGroup;
import dev.berth.engine.api.Router;
import dev.berth.engine.api.ServerIdentity;
import dev.berth.engine.api.SystemRoutes;

/**
 * The engine daemon ({@code berth engine serve}): claims its data root, then serves the Docker
 * Engine API on its socket until {@link #close()}.
 *
 * <p>Start-up, in order: the data root (made if new), its lock (one daemon per data root), its
 * format version, the log file, the PID file, the engine (through {@link EngineBinding}), the
 * socket. A failing step undoes the ones before it. Shutdown stops accepting, lets requests being
 * answered finish, closes the engine — containers keep running — and removes the socket and PID
 * file.
 */
public final class Daemon implements AutoCloseable {

    private final DaemonConfig config;
    private final DaemonLog log;
    private final Deque<AutoCloseable> undo;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    private Daemon(DaemonConfig config, DaemonLog log, Deque<AutoCloseable> undo) {
        this.config = config;
        this.log = log;
        this.undo = undo;
    }

    /**
     * Starts the daemon.
     *
     * @param berthVersion berth's own version, reported by /version
     * @param engine       opens the engine once the data root is held; {@link EngineBinding#NONE} serves system routes only
     * @throws DaemonException when a step of start-up fails; nothing it did is left behind
     */
    public static Daemon start(DaemonConfig config, String berthVersion, EngineBinding.Opener engine) {
        Deque<AutoCloseable> undo = new ArrayDeque<>();
        try {
            makeDataRoot(config.dataRoot());
            undo.push(DaemonLock.acquire(config.dataRoot()));
            DataRootFormat.prepare(config.dataRoot());
            DaemonLog log = DaemonLog.open(config.logFile());
            undo.push(log);
            PidFile.claim(config.pidFile());
            undo.push(() -> PidFile.release(config.pidFile()));
            EngineBinding binding = engine.open(config);
            undo.push(binding);
            binding.reportTo(log::error);

            ServerIdentity identity = new ServerIdentity(engineId(config.dataRoot()), berthVersion,
                    ProcessHandle.current().pid(), config.dataRoot(), config.labels(), config.registryMirrors(),
                    config.insecureRegistries(), binding::counts);
            SystemRoutes system = new SystemRoutes(identity, HostFacts.current());
            Router router = new Router().add(system);
            for (RouteGroup group : binding.routes()) {
                router.add(group);
            }
            SocketAccess.refuseIfServed(config.socket());
            Files.createDirectories(config.socket().getParent());
            ApiServer server = ApiServer.start(config.socket(), router, system.commonHeaders(),
                    ApiServer.DEFAULT_MAX_BODY_BYTES, ApiServer.DEFAULT_GRACE, log::error);
            undo.push(server);
            String access = SocketAccess.restrict(config.socket());
            log.info("berth daemon " + berthVersion + " (PID " + ProcessHandle.current().pid()
                    + ") serves the Docker Engine API " + ApiVersion.CURRENT + " on unix://"
                    + config.socket() + " (" + access + "), data root " + config.dataRoot()
                    + ", configuration " + config.configFile());
            return new Daemon(config, log, undo);
        } catch (IOException e) {
            undoAll(undo);
            throw new DaemonException("cannot start the berth daemon: " + IoErrors.describe(e), e);
        } catch (RuntimeException e) {
            undoAll(undo);
            throw e;
        }
    }

    public DaemonConfig config() {
        return config;
    }

    public Path logFile() {
        return log.file();
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Stops the daemon gracefully (see the class comment); later calls do nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        log.info("berth daemon (PID " + ProcessHandle.current().pid() + ") stopping; containers keep running");
        AutoCloseable logFile = null;
        while (!undo.isEmpty()) {
            AutoCloseable step = undo.pop();
            if (step == log) {
                logFile = step;
                continue;
            }
            closeStep(step);
        }
        log.info("berth daemon stopped");
        closeStep(logFile);
        stopped.countDown();
    }

    private void closeStep(AutoCloseable step) {
        if (step == null) {
            return;
        }
        try {
            step.close();
        } catch (Exception e) {
            log.error("while stopping: " + e);
        }
    }

    private static void undoAll(Deque<AutoCloseable> undo) {
        while (!undo.isEmpty()) {
            try {
                undo.pop().close();
            } catch (Exception e) {
                System.err.println("berth: while undoing a failed start: " + e);
            }
        }
    }

    private static void makeDataRoot(Path dataRoot) {
        try {
            if (!Files.isDirectory(dataRoot)) {
                Files.createDirectories(dataRoot, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
            }
        } catch (IOException e) {
            throw new DaemonException("cannot make the data root " + dataRoot + ": " + IoErrors.describe(e), e);
        }
    }

    /** The engine's ID (for /info), made once per data root and kept there. */
    private static String engineId(Path dataRoot) throws IOException {
        Path file = dataRoot.resolve("engine-id");
        try {
            return Files.readString(file).strip();
        } catch (NoSuchFileException e) {
            String id = UUID.randomUUID().toString();
            AtomicFiles.write(file, id + "\n");
            return id;
        }
    }
}
