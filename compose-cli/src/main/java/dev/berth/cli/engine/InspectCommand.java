package dev.berth.cli.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.berth.engine.runtime.ContainerInspect;
import dev.berth.engine.runtime.CreateOptions;
import dev.berth.engine.runtime.Runtime;
import dev.berth.engine.runtime.launch.Mount;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code berth engine inspect CONTAINER...}: a JSON array with Docker's field names for what the
 * engine knows ({@code Id}, {@code Name}, {@code State}, {@code Config}, {@code HostConfig},
 * {@code Mounts}).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show containers as JSON.")
public final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER", description = "Container IDs, ID prefixes or names.")
    List<String> containers;

    @Override
    public Integer call() throws Exception {
        Runtime runtime = engine.engine().runtime();
        return InspectEach.print(containers, spec, "Error: ",
                ref -> json(runtime.inspect(ref), runtime.config(ref)));
    }

    static Map<String, Object> json(ContainerInspect c, CreateOptions o) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Status", c.status().dockerName());
        state.put("Running", c.running());
        state.put("Paused", c.paused());
        state.put("OOMKilled", c.oomKilled());
        state.put("Pid", c.pid());
        state.put("ExitCode", c.exitCode());
        state.put("Error", c.error() == null ? "" : c.error());
        state.put("StartedAt", c.startedAt());
        state.put("FinishedAt", c.finishedAt());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Hostname", o.hostname() == null ? c.id().substring(0, 12) : o.hostname());
        config.put("User", o.uid() + ":" + o.gid());
        config.put("Env", o.env());
        config.put("Entrypoint", o.entrypoint());
        config.put("Cmd", o.command());
        config.put("WorkingDir", o.workingDir() == null ? "" : o.workingDir());
        config.put("Image", o.imageId());
        config.put("StopSignal", o.effectiveStopSignal());
        config.put("StopTimeout", o.effectiveStopTimeout());
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("Memory", o.limits().memoryBytes());
        host.put("MemorySwap", o.limits().memorySwapBytes());
        host.put("NanoCpus", o.limits().nanoCpus());
        host.put("PidsLimit", o.limits().pidsLimit());
        host.put("CapAdd", o.capAdd());
        host.put("CapDrop", o.capDrop());
        host.put("Privileged", o.privileged());
        host.put("SecurityOpt", o.securityOpts());
        host.put("ReadonlyRootfs", o.readOnlyRoot());
        host.put("Init", o.init());
        List<Map<String, Object>> mounts = new ArrayList<>();
        for (Mount m : o.mounts()) {
            Map<String, Object> mount = new LinkedHashMap<>();
            switch (m) {
                case Mount.Bind b -> {
                    String volume = o.volumes().stream()
                            .filter(v -> b.source().toString().contains("/volumes/" + v + "/")).findFirst().orElse(null);
                    mount.put("Type", volume == null ? "bind" : "volume");
                    if (volume != null) {
                        mount.put("Name", volume);
                    }
                    mount.put("Source", b.source().toString());
                    mount.put("RW", !b.readOnly());
                }
                case Mount.Tmpfs t -> {
                    mount.put("Type", "tmpfs");
                    mount.put("Options", String.join(",", t.options()));
                }
            }
            mount.put("Destination", m.destination());
            mounts.add(mount);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("Id", c.id());
        all.put("Name", "/" + c.name());
        all.put("State", state);
        all.put("Config", config);
        all.put("HostConfig", host);
        all.put("Mounts", mounts);
        return all;
    }
}
