package dev.berth.engine.api;

import dev.berth.engine.RunRequest;
import dev.berth.engine.core.RestartPolicy;
import java.util.Map;
import java.util.Set;

/**
 * Reads Docker's {@code HostConfig} (and checks {@code NetworkingConfig}) of a create body into a
 * {@link RunRequest.Builder}: mounts, limits, privileges, log options, auto-removal, restart
 * policy. Networks are not served yet: only the network modes a container without berth networks
 * honours are accepted, and published ports are refused.
 */
final class HostConfigReader {

    static final String PORTS_REFUSED = "published ports need berth networks, not yet served";

    /** The modes of a container with its own network namespace and no berth network attached. */
    private static final Set<String> NETWORK_MODES = Set.of("", "default", "bridge", "none");

    private static final Set<String> READ = Set.of("Binds", "Mounts", "Tmpfs", "Memory", "MemorySwap", "NanoCpus",
            "PidsLimit", "CapAdd", "CapDrop", "Privileged", "SecurityOpt", "ReadonlyRootfs", "Init", "Ulimits",
            "Sysctls", "LogConfig", "AutoRemove", "RestartPolicy", "NetworkMode", "PortBindings", "PublishAllPorts",
            "MemorySwappiness", "IpcMode",
            // the terminal size is set by resize once a client attaches; the ID file is the client's own
            "ConsoleSize", "ContainerIDFile");

    private HostConfigReader() {
    }

    static void read(WireFields h, WireFields networking, RunRequest.Builder b) {
        h.refuseOthers(READ);
        var binds = h.strings("Binds");
        if (binds != null) {
            binds.forEach(b::volume);
        }
        h.objects("Mounts").forEach(m -> mount(m, b));
        h.stringMap("Tmpfs").forEach((target, options) -> b.tmpfs(options.isEmpty() ? target : target + ":" + options));
        b.limits(h.integer("Memory", 0), h.integer("MemorySwap", 0), h.integer("NanoCpus", 0),
                h.integer("PidsLimit", 0));
        long swappiness = h.integer("MemorySwappiness", -1);
        if (swappiness != -1) {
            throw h.refused("MemorySwappiness", swappiness, "berth leaves the kernel's swappiness; leave it out");
        }
        String ipc = h.text("IpcMode");
        if (ipc != null && !ipc.isEmpty() && !ipc.equals("private")) {
            throw h.refused("IpcMode", "\"" + ipc + "\"", "every berth container has a private IPC namespace");
        }
        var capAdd = h.strings("CapAdd");
        if (capAdd != null) {
            capAdd.forEach(b::capAdd);
        }
        var capDrop = h.strings("CapDrop");
        if (capDrop != null) {
            capDrop.forEach(b::capDrop);
        }
        var securityOpts = h.strings("SecurityOpt");
        if (securityOpts != null) {
            securityOpts.forEach(b::securityOpt);
        }
        b.privileged(h.bool("Privileged")).readOnly(h.bool("ReadonlyRootfs")).init(h.bool("Init"));
        for (WireFields u : h.objects("Ulimits")) {
            u.refuseOthers(Set.of("Name", "Soft", "Hard"));
            b.ulimit(u.text("Name") + "=" + u.integer("Soft", 0) + ":" + u.integer("Hard", 0));
        }
        h.stringMap("Sysctls").forEach(b::sysctl);
        logConfig(h.object("LogConfig"), b);
        restartPolicy(h, b);
        network(h, networking);
    }

    /** One of {@code HostConfig.Mounts}: bind, volume or tmpfs, as {@code --mount} gives them. */
    private static void mount(WireFields m, RunRequest.Builder b) {
        // Consistency is a hint for Docker Desktop's file sharing; Linux ignores it, as Docker does
        m.refuseOthers(Set.of("Type", "Source", "Target", "ReadOnly", "Consistency", "BindOptions", "VolumeOptions",
                "TmpfsOptions"));
        String type = m.text("Type");
        String target = m.text("Target");
        if (target == null || target.isEmpty()) {
            throw m.invalid("Target", "must name the path inside the container");
        }
        switch (type == null ? "" : type) {
            case "bind" -> {
                WireFields options = m.object("BindOptions");
                options.refuseOthers(Set.of("Propagation"));
                String propagation = options.text("Propagation");
                if (propagation != null && !propagation.isEmpty() && !propagation.equals("rprivate")) {
                    throw options.refused("Propagation", "\"" + propagation + "\"",
                            "berth bind mounts are rprivate");
                }
                String source = m.text("Source");
                if (source == null || source.isEmpty()) {
                    throw m.invalid("Source", "must name the host path of a bind mount");
                }
                b.bindMount(source, target, m.bool("ReadOnly"));
            }
            case "volume" -> {
                WireFields options = m.object("VolumeOptions");
                options.refuseOthers(Set.of("NoCopy"));
                b.volumeMount(m.text("Source"), target, m.bool("ReadOnly"), options.bool("NoCopy"));
            }
            case "tmpfs" -> {
                if (m.text("Source") != null && !m.text("Source").isEmpty()) {
                    throw m.refused("Source", "\"" + m.text("Source") + "\"", "a tmpfs mount has no source");
                }
                WireFields options = m.object("TmpfsOptions");
                options.refuseOthers(Set.of("SizeBytes", "Mode"));
                b.tmpfsMount(target, options.integer("SizeBytes", 0), (int) options.integer("Mode", 0),
                        m.bool("ReadOnly"));
            }
            default -> throw m.refused("Type", "\"" + type + "\"", "berth mounts bind, volume and tmpfs only");
        }
    }

    /** {@code HostConfig.LogConfig}: the json-file driver with {@code max-size} and {@code max-file} only. */
    private static void logConfig(WireFields log, RunRequest.Builder b) {
        log.refuseOthers(Set.of("Type", "Config"));
        String type = log.text("Type");
        if (type != null && !type.isEmpty() && !type.equals("json-file")) {
            throw log.refused("Type", "\"" + type + "\"", "containers log to json-file");
        }
        Map<String, String> options = log.stringMap("Config");
        for (String key : options.keySet()) {
            if (!key.equals("max-size") && !key.equals("max-file")) {
                throw log.refused("Config", "\"" + key + "\"", "the json-file log takes max-size and max-file only");
            }
        }
        b.logOptions(options);
    }

    private static void restartPolicy(WireFields h, RunRequest.Builder b) {
        WireFields p = h.object("RestartPolicy");
        p.refuseOthers(Set.of("Name", "MaximumRetryCount"));
        String name = p.text("Name");
        RestartPolicy policy = new RestartPolicy(name == null || name.isEmpty() ? "no" : name,
                (int) p.integer("MaximumRetryCount", 0));
        if (h.bool("AutoRemove") && !policy.name().equals("no")) {
            throw ApiException.badRequest("can't create 'AutoRemove' container with restart policy");
        }
        b.restartPolicy(policy).autoRemove(h.bool("AutoRemove"));
    }

    private static void network(WireFields h, WireFields networking) {
        String mode = h.text("NetworkMode");
        if (mode != null && !NETWORK_MODES.contains(mode)) {
            throw h.refused("NetworkMode", "\"" + mode + "\"", "networks are not served yet; use default,"
                    + " bridge or none");
        }
        if (!WireFields.isZero(h.raw("PortBindings")) || h.bool("PublishAllPorts")) {
            throw ApiException.badRequest(PORTS_REFUSED);
        }
        networking.refuseOthers(Set.of("EndpointsConfig"));
        WireFields endpoints = networking.object("EndpointsConfig");
        for (String network : networking.keys("EndpointsConfig")) {
            if (!NETWORK_MODES.contains(network)) {
                throw endpoints.refused(network, "{…}", "networks are not served yet; leave it out");
            }
            endpoints.object(network).refuseOthers(Set.of());
        }
    }
}
