package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.runtime.ContainerRuntime;
import dev.berth.engine.runtime.ExecOptions;
import dev.berth.engine.runtime.etc.ResolvedUser;
import dev.berth.engine.runtime.launch.ExecProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exec instances of this engine, as Docker's daemon keeps them: made by
 * {@code POST /containers/{id}/exec}, started once, inspected for their exit code, and kept in
 * memory until their container is removed.
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/Exec">Docker Engine API 1.44: Exec</a>
 */
final class ExecRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContainerRuntime runtime;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();

    ExecRegistry(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /** Records an exec instance for the running container {@code containerId}; returns its ID. */
    String create(String containerId, ExecConfig config) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        instances.put(id, new Instance(id, containerId, config));
        return id;
    }

    ExecView view(String id) {
        return instance(id).view();
    }

    /**
     * Starts the instance's process.
     *
     * @throws ExecStateException when it runs or has run already
     */
    ExecStream start(String id) {
        return instance(id).start();
    }

    /** Starts the instance's process with nobody attached: no stdin, its output read and dropped. */
    void startDetached(String id) {
        ExecStream stream = start(id);
        try {
            stream.stdin().close();
        } catch (IOException e) {
            throw new EngineException("cannot close the stdin of exec " + id + ": " + e.getMessage(), e);
        }
        Thread.startVirtualThread(() -> drain(stream.stdout()));
        Thread.startVirtualThread(() -> drain(stream.stderr()));
    }

    /** Sets the window size of a running instance's terminal. */
    void resize(String id, int rows, int columns) {
        instance(id).resize(rows, columns);
    }

    /** Forgets the instances of a removed container. */
    void forgetContainer(String containerId) {
        instances.values().removeIf(i -> i.containerId.equals(containerId));
    }

    private Instance instance(String id) {
        Instance instance = instances.get(id);
        if (instance == null) {
            throw new NoSuchExecException(id);
        }
        return instance;
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the output of a detached exec has no reader: a broken pipe loses nothing anyone asked for
        }
    }

    /** One instance; its fields change under its own lock. */
    private final class Instance {

        private final String id;
        private final String containerId;
        private final ExecConfig config;
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();
        private ExecProcess process;
        private Integer exitCode;

        Instance(String id, String containerId, ExecConfig config) {
            this.id = id;
            this.containerId = containerId;
            this.config = config;
        }

        synchronized ExecView view() {
            return new ExecView(id, containerId, process != null && exitCode == null, exitCode,
                    process == null ? 0 : process.pid(), config);
        }

        synchronized ExecStream start() {
            if (exitCode != null) {
                throw new ExecStateException("Error: Exec command " + id + " has already run");
            }
            if (process != null) {
                throw new ExecStateException("Error: Exec command " + id + " is already running");
            }
            Integer uid = null;
            int gid = 0;
            List<Integer> groups = List.of();
            if (config.user() != null && !config.user().isEmpty()) {
                ResolvedUser user = runtime.resolveUser(containerId, config.user());
                uid = user.uid();
                gid = user.gid();
                groups = user.additionalGids();
            }
            ExecProcess started = runtime.startExec(containerId, new ExecOptions(config.command(), config.env(),
                    config.workingDir(), uid, gid, groups, config.privileged(), config.tty(), config.consoleRows(),
                    config.consoleColumns()));
            process = started;
            if (!config.attachStdin()) {
                try {
                    started.stdin().close();
                } catch (IOException e) {
                    throw new EngineException("cannot close the stdin of exec " + id + ": " + e.getMessage(), e);
                }
            }
            Thread.startVirtualThread(() -> finished(started.waitFor()));
            return new ExecStream() {
                @Override
                public OutputStream stdin() {
                    return started.stdin();
                }

                @Override
                public InputStream stdout() {
                    return started.stdout();
                }

                @Override
                public InputStream stderr() {
                    return started.stderr();
                }

                @Override
                public boolean tty() {
                    return started.tty();
                }

                @Override
                public int awaitExit() {
                    return exit.join();
                }
            };
        }

        private void finished(int code) {
            synchronized (this) {
                exitCode = code;
            }
            exit.complete(code);
        }

        void resize(int rows, int columns) {
            ExecProcess running;
            synchronized (this) {
                running = exitCode == null ? process : null;
            }
            if (running == null) {
                throw new ExecStateException("Exec " + id + " is not running: only a running exec can be resized");
            }
            running.resize(rows, columns);
        }
    }
}
