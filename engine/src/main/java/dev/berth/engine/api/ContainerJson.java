package dev.berth.engine.api;

import dev.berth.engine.ContainerView;
import dev.berth.engine.MountView;
import dev.berth.engine.core.Healthcheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker's JSON for a container: the whole of {@code GET /containers/{id}/json} and one item of
 * {@code GET /containers/json}. Every field a client dereferences (engine-api.md §2.9) is present
 * and not null; times never set are Go's zero time, as Docker writes them. Networks are not served
 * yet: ports and networks are empty.
 */
final class ContainerJson {

    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private ContainerJson() {
    }

    static Map<String, Object> inspect(ContainerView c) {
        List<String> argv = new ArrayList<>(c.entrypoint());
        argv.addAll(c.command());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", c.id());
        m.put("Created", c.created());
        m.put("Path", argv.isEmpty() ? "" : argv.getFirst());
        m.put("Args", argv.isEmpty() ? List.of() : argv.subList(1, argv.size()));
        m.put("State", state(c));
        m.put("Image", c.imageId() == null ? "" : c.imageId());
        m.put("ResolvConfPath", "");
        m.put("HostnamePath", "");
        m.put("HostsPath", "");
        m.put("LogPath", "");
        m.put("Name", "/" + c.name());
        m.put("RestartCount", 0);
        m.put("Driver", "overlay2");
        m.put("Platform", "linux");
        m.put("MountLabel", "");
        m.put("ProcessLabel", "");
        m.put("AppArmorProfile", "");
        m.put("ExecIDs", null);
        m.put("HostConfig", hostConfig(c));
        m.put("GraphDriver", Map.of("Name", "overlay2", "Data", Map.of()));
        m.put("Mounts", mounts(c));
        m.put("Config", config(c));
        m.put("NetworkSettings", networkSettings());
        return m;
    }

    /** One item of the container list, as {@code docker ps} reads it. */
    static Map<String, Object> summary(ContainerView c, Instant now) {
        List<String> argv = new ArrayList<>(c.entrypoint());
        argv.addAll(c.command());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", c.id());
        m.put("Names", List.of("/" + c.name()));
        m.put("Image", c.image() == null ? "" : c.image());
        m.put("ImageID", c.imageId() == null ? "" : c.imageId());
        m.put("Command", String.join(" ", argv));
        m.put("Created", Instant.parse(c.created()).getEpochSecond());
        m.put("Ports", List.of());
        m.put("Labels", c.labels());
        m.put("State", c.status());
        m.put("Status", ContainerStatusText.of(c, now));
        m.put("HostConfig", Map.of("NetworkMode", "bridge"));
        m.put("NetworkSettings", Map.of("Networks", Map.of()));
        m.put("Mounts", mounts(c));
        return m;
    }

    private static Map<String, Object> state(ContainerView c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Status", c.status());
        s.put("Running", c.running());
        s.put("Paused", c.paused());
        s.put("Restarting", false);
        s.put("OOMKilled", c.oomKilled());
        s.put("Dead", false);
        s.put("Pid", c.pid());
        s.put("ExitCode", c.exitCode());
        s.put("Error", c.error() == null ? "" : c.error());
        s.put("StartedAt", c.startedAt() == null ? ZERO_TIME : c.startedAt());
        s.put("FinishedAt", c.finishedAt() == null ? ZERO_TIME : c.finishedAt());
        return s;
    }

    private static Map<String, Object> config(ContainerView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Hostname", c.hostname());
        m.put("Domainname", c.domainname() == null ? "" : c.domainname());
        m.put("User", c.user());
        m.put("AttachStdin", false);
        m.put("AttachStdout", false);
        m.put("AttachStderr", false);
        if (!c.exposedPorts().isEmpty()) {
            Map<String, Object> ports = new LinkedHashMap<>();
            c.exposedPorts().forEach(p -> ports.put(p, Map.of()));
            m.put("ExposedPorts", ports);
        }
        m.put("Tty", c.tty());
        m.put("OpenStdin", c.openStdin());
        m.put("StdinOnce", c.stdinOnce());
        m.put("Env", c.env());
        m.put("Cmd", c.command());
        if (c.healthcheck() != null) {
            m.put("Healthcheck", healthcheck(c.healthcheck()));
        }
        m.put("Image", c.image() == null ? "" : c.image());
        m.put("Volumes", null);
        m.put("WorkingDir", c.workingDir());
        m.put("Entrypoint", c.entrypoint().isEmpty() ? null : c.entrypoint());
        m.put("OnBuild", null);
        m.put("Labels", c.labels());
        m.put("StopSignal", dev.berth.engine.Engine.signalName(c.stopSignal()));
        m.put("StopTimeout", c.stopTimeout());
        return m;
    }

    private static Map<String, Object> healthcheck(Healthcheck h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Test", h.test());
        m.put("Interval", h.interval().toNanos());
        m.put("Timeout", h.timeout().toNanos());
        m.put("StartPeriod", h.startPeriod().toNanos());
        m.put("StartInterval", h.startInterval().toNanos());
        m.put("Retries", h.retries());
        return m;
    }

    private static Map<String, Object> hostConfig(ContainerView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Binds", null);
        m.put("ContainerIDFile", "");
        m.put("LogConfig", Map.of("Type", "json-file", "Config", Map.of()));
        m.put("NetworkMode", "bridge");
        m.put("PortBindings", Map.of());
        m.put("RestartPolicy", Map.of("Name", c.restartPolicy().name(),
                "MaximumRetryCount", c.restartPolicy().maxRetries()));
        m.put("AutoRemove", c.autoRemove());
        m.put("CapAdd", c.capAdd());
        m.put("CapDrop", c.capDrop());
        m.put("Privileged", c.privileged());
        m.put("PublishAllPorts", false);
        m.put("ReadonlyRootfs", c.readOnlyRoot());
        m.put("SecurityOpt", c.securityOpts());
        m.put("Init", c.init());
        m.put("Memory", c.limits().memory());
        m.put("MemorySwap", c.limits().memorySwap());
        m.put("NanoCpus", c.limits().nanoCpus());
        m.put("PidsLimit", c.limits().pidsLimit());
        m.put("IpcMode", "private");
        return m;
    }

    private static List<Object> mounts(ContainerView c) {
        List<Object> mounts = new ArrayList<>();
        for (MountView v : c.mounts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Type", v.type());
            if (v.name() != null) {
                m.put("Name", v.name());
            }
            m.put("Source", v.source() == null ? "" : v.source());
            m.put("Destination", v.destination());
            if (v.type().equals("volume")) {
                m.put("Driver", "local");
            }
            m.put("Mode", "");
            m.put("RW", v.readWrite());
            m.put("Propagation", v.type().equals("bind") ? "rprivate" : "");
            mounts.add(m);
        }
        return mounts;
    }

    private static Map<String, Object> networkSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Bridge", "");
        m.put("SandboxID", "");
        m.put("SandboxKey", "");
        m.put("HairpinMode", false);
        m.put("Ports", Map.of());
        m.put("Networks", Map.of());
        m.put("IPAddress", "");
        m.put("IPPrefixLen", 0);
        m.put("Gateway", "");
        m.put("MacAddress", "");
        return m;
    }
}
