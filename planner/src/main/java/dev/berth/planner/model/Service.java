package dev.berth.planner.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.SeqNode;

/**
 * One service of a loaded project, with typed fields for what the planner and the engine use and
 * the canonical {@link #definition()} for everything else.
 *
 * @param image the image reference, or null when only {@code build} is given
 * @param command null for the image's default, an empty list for an explicitly empty command
 * @param environment variables with their values; a null value means "unset"
 * @param scale the number of containers: {@code scale}, else {@code deploy.replicas}, else 1
 * @param init null when not given (the engine's default)
 */
public record Service(String name, String image, Build build, List<String> command, List<String> entrypoint,
                      Map<String, String> environment, List<PortMapping> ports, List<String> expose, List<Mount> volumes,
                      Map<String, ServiceNetwork> networks, String networkMode, Map<String, Dependency> dependsOn,
                      Healthcheck healthcheck, String restart, String containerName, Map<String, String> labels, int scale,
                      String user, String workingDir, String hostname, Boolean init, String stopSignal,
                      Duration stopGracePeriod, List<String> capAdd, List<String> capDrop, boolean privileged,
                      boolean readOnly, List<String> tmpfs, Map<String, Ulimit> ulimits, List<String> profiles,
                      String pullPolicy, List<FileMount> secrets, List<FileMount> configs, MapNode definition) {

    /** The service named {@code name} from its canonical, normalized definition. */
    public static Service from(String name, MapNode s) {
        MapNode build = Fields.map(s, "build");
        MapNode hc = Fields.map(s, "healthcheck");
        return new Service(name, Fields.string(s, "image"), build == null ? null : Build.from(build),
                Fields.strings(s, "command"), Fields.strings(s, "entrypoint"), Fields.stringMap(s, "environment"),
                list(s, "ports", PortMapping::from), Fields.stringsOrEmpty(s, "expose"), list(s, "volumes", Mount::from),
                Fields.entries(s, "networks", (k, n) -> ServiceNetwork.from(n)), Fields.string(s, "network_mode"),
                Fields.entries(s, "depends_on", (k, d) -> Dependency.from(d)),
                hc == null ? null : Healthcheck.from(hc), Fields.string(s, "restart"), Fields.string(s, "container_name"),
                Fields.stringMap(s, "labels"), scale(s), Fields.string(s, "user"), Fields.string(s, "working_dir"),
                Fields.string(s, "hostname"), Fields.optionalFlag(s, "init"), Fields.string(s, "stop_signal"),
                Fields.duration(s, "stop_grace_period"), Fields.stringsOrEmpty(s, "cap_add"), Fields.stringsOrEmpty(s, "cap_drop"),
                Fields.flag(s, "privileged"), Fields.flag(s, "read_only"), Fields.stringsOrEmpty(s, "tmpfs"), ulimits(s),
                Fields.stringsOrEmpty(s, "profiles"), Fields.string(s, "pull_policy"), list(s, "secrets", FileMount::from),
                list(s, "configs", FileMount::from), s);
    }

    private static int scale(MapNode s) {
        Long scale = Fields.number(s, "scale");
        if (scale == null) {
            scale = Fields.number(Fields.map(s, "deploy"), "replicas");
        }
        return scale == null ? 1 : scale.intValue();
    }

    private static <T> List<T> list(MapNode s, String key, Function<MapNode, T> from) {
        if (!(s.get(key) instanceof SeqNode seq)) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (Node n : seq.items()) {
            if (n instanceof MapNode m) {
                out.add(from.apply(m));
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, Ulimit> ulimits(MapNode s) {
        MapNode u = Fields.map(s, "ulimits");
        Map<String, Ulimit> out = new LinkedHashMap<>();
        if (u != null) {
            for (String k : u.keys()) {
                // a single number sets both limits (compose-go UlimitsConfig.Single)
                Long single = Fields.number(u, k);
                MapNode l = Fields.map(u, k);
                Long soft = single != null ? single : Fields.number(l, "soft");
                Long hard = single != null ? single : Fields.number(l, "hard");
                if (soft != null && hard != null) {
                    out.put(k, new Ulimit(soft, hard));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
