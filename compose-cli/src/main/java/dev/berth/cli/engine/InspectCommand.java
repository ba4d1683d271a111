package dev.berth.cli.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.berth.engine.ContainerView;
import dev.berth.engine.Engine;
import dev.berth.engine.MountView;
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
        Engine e = engine.engine();
        return InspectEach.print(containers, spec, "Error: ", ref -> json(e.inspect(ref)));
    }

    static Map<String, Object> json(ContainerView c) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Status", c.status());
        state.put("Running", c.running());
        state.put("Paused", c.paused());
        state.put("OOMKilled", c.oomKilled());
        state.put("Pid", c.pid());
        state.put("ExitCode", c.exitCode());
        state.put("Error", c.error() == null ? "" : c.error());
        state.put("StartedAt", c.startedAt());
        state.put("FinishedAt", c.finishedAt());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Hostname", c.hostname());
        config.put("User", c.user());
        config.put("Env", c.env());
        config.put("Entrypoint", c.entrypoint());
        config.put("Cmd", c.command());
        config.put("WorkingDir", c.workingDir());
        config.put("Image", c.imageId());
        config.put("StopSignal", c.stopSignal());
        config.put("StopTimeout", c.stopTimeout());
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("Memory", c.limits().memory());
        host.put("MemorySwap", c.limits().memorySwap());
        host.put("NanoCpus", c.limits().nanoCpus());
        host.put("PidsLimit", c.limits().pidsLimit());
        host.put("CapAdd", c.capAdd());
        host.put("CapDrop", c.capDrop());
        host.put("Privileged", c.privileged());
        host.put("SecurityOpt", c.securityOpts());
        host.put("ReadonlyRootfs", c.readOnlyRoot());
        host.put("Init", c.init());
        List<Map<String, Object>> mounts = new ArrayList<>();
        for (MountView m : c.mounts()) {
            Map<String, Object> mount = new LinkedHashMap<>();
            mount.put("Type", m.type());
            if (m.name() != null) {
                mount.put("Name", m.name());
            }
            if (m.source() != null) {
                mount.put("Source", m.source());
                mount.put("RW", m.readWrite());
            } else {
                mount.put("Options", m.options());
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
