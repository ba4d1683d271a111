package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.cgroup.Cgroups;
import dev.berth.engine.volume.MountSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One {@code berth engine} command in a JVM of its own, as the CLI runs them until the daemon exists:
 * run by {@link EngineProcesses} for the tests of several processes on one data root. It opens the
 * engine (which sweeps), prints {@code ready}, waits for a line on stdin (so that all the processes
 * of a test act at once), acts, and prints one result line: {@code ok ...} or
 * {@code error <message>}.
 *
 * <p>Arguments: {@code DATA_ROOT CGROUP_PARENT VERB ARGS...}; the verbs:
 * <ul>
 *   <li>{@code run VOLUME}: creates and starts a container of image {@code bb} that mounts the named
 *       volume at /data and writes {@code /data/seen-<hostname>}; prints {@code ok <id> <inode of
 *       the volume's seed.txt>};</li>
 *   <li>{@code volume-create VOLUME}: creates the volume; prints {@code ok <created at>};</li>
 *   <li>{@code run-named NAME}: creates and starts a container named NAME running {@code true};
 *       prints {@code ok <id>};</li>
 *   <li>{@code churn VOLUME}: over and over until killed, as {@code run --rm -v VOLUME:/data -v /anon}
 *       does: creates, starts, waits for and removes a container with its anonymous volume.</li>
 * </ul>
 */
public final class EngineProcessMain {

    private EngineProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        Engine engine = Engine.open(Path.of(args[0]), Cgroups.detect(args[1]));
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        try {
            System.out.println("ok " + act(engine, args[2], args[3]));
        } catch (EngineException e) {
            System.out.println("error " + e.getMessage());
        }
        System.out.flush();
    }

    private static String act(Engine engine, String verb, String arg) throws Exception {
        return switch (verb) {
            case "run" -> {
                String id = engine.create(RunRequest.builder("bb")
                        .mount(new MountSpec.Volume(arg, "/data", false, false))
                        .command("sh", "-c", "touch /data/seen-$(hostname)").build());
                engine.runtime().start(id);
                Path seed = engine.volumes().inspect(arg).mountpoint().resolve("seed.txt");
                yield id + " " + Files.getAttribute(seed, "unix:ino");
            }
            case "volume-create" -> engine.volumes().create(arg, Map.of(), Map.of()).createdAt().toString();
            case "run-named" -> {
                String id = engine.create(RunRequest.builder("bb").name(arg).command("true").build());
                engine.runtime().start(id);
                yield id;
            }
            case "churn" -> {
                while (true) {
                    String id = engine.create(RunRequest.builder("bb").autoRemove(true)
                            .mount(new MountSpec.Volume(arg, "/data", false, false))
                            .mount(new MountSpec.Volume("", "/anon", false, false))
                            .command("true").build());
                    engine.runtime().start(id);
                    engine.runtime().waitFor(id);
                    engine.remove(id, true, true);
                }
            }
            default -> throw new IllegalArgumentException("unknown verb " + verb);
        };
    }
}
