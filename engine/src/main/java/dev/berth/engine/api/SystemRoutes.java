package dev.berth.engine.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system routes: {@code /_ping} (GET and HEAD), {@code /version} and {@code /info}, with the
 * fields the docker CLI, docker-py, docker-java and Testcontainers read (engine-api.md §1).
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/System">Docker Engine API 1.44: System</a>
 */
public final class SystemRoutes implements RouteGroup {

    private static final Map<String, String> PING_HEADERS = Map.of(
            "Cache-Control", "no-cache, no-store, must-revalidate",
            "Pragma", "no-cache",
            "Builder-Version", "1",
            "Swarm", "inactive");

    private final ServerIdentity identity;
    private final HostFacts host;

    public SystemRoutes(ServerIdentity identity, HostFacts host) {
        this.identity = identity;
        this.host = host;
    }

    /** The headers sent on every response, as dockerd sends them. */
    public Map<String, String> commonHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Api-Version", ApiVersion.CURRENT.toString());
        headers.put("Docker-Experimental", "false");
        headers.put("Ostype", "linux");
        headers.put("Server", "berth/" + identity.berthVersion() + " (linux)");
        return headers;
    }

    @Override
    public void register(Router router) {
        router.get("/_ping", request -> new ApiResponse.Text(200, "text/plain; charset=utf-8", "OK", PING_HEADERS));
        router.head("/_ping", request -> new ApiResponse.Text(200, "text/plain; charset=utf-8", "", PING_HEADERS));
        router.get("/version", request -> ApiResponse.json(version()));
        router.get("/info", request -> ApiResponse.json(info()));
    }

    Map<String, Object> version() {
        Map<String, String> engine = new LinkedHashMap<>();
        engine.put("ApiVersion", ApiVersion.CURRENT.toString());
        engine.put("Arch", host.goArch());
        engine.put("BuildTime", "");
        engine.put("Experimental", "false");
        engine.put("GitCommit", "");
        engine.put("GoVersion", "");
        engine.put("KernelVersion", host.kernelVersion());
        engine.put("MinAPIVersion", ApiVersion.MINIMUM.toString());
        engine.put("Os", "linux");
        Map<String, String> berth = new LinkedHashMap<>();
        berth.put("DataRoot", identity.dataRoot().toString());
        berth.put("Pid", Long.toString(identity.pid()));

        Map<String, Object> version = new LinkedHashMap<>();
        version.put("Platform", Map.of("Name", "berth " + identity.berthVersion()));
        version.put("Components", List.of(
                component("Engine", ServerIdentity.ENGINE_VERSION, engine),
                component("berth", identity.berthVersion(), berth)));
        version.put("Version", ServerIdentity.ENGINE_VERSION);
        version.put("ApiVersion", ApiVersion.CURRENT.toString());
        version.put("MinAPIVersion", ApiVersion.MINIMUM.toString());
        version.put("GitCommit", "");
        version.put("GoVersion", "");
        version.put("Os", "linux");
        version.put("Arch", host.goArch());
        version.put("KernelVersion", host.kernelVersion());
        version.put("BuildTime", "");
        return version;
    }

    /** Docker's shape: CIDRs apart, each named registry an index config (insecure ones not secure). */
    private Map<String, Object> registryConfig() {
        List<String> cidrs = new java.util.ArrayList<>(List.of("127.0.0.0/8"));
        Map<String, Object> indexes = new java.util.TreeMap<>();
        indexes.put("docker.io", indexConfig("docker.io", identity.registryMirrors(), true, true));
        for (String registry : identity.insecureRegistries()) {
            if (registry.matches("[0-9a-fA-F:.]+/[0-9]+")) {
                cidrs.add(registry);
            } else {
                indexes.put(registry, indexConfig(registry, List.of(), false, false));
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("AllowNondistributableArtifactsCIDRs", List.of());
        config.put("AllowNondistributableArtifactsHostnames", List.of());
        config.put("InsecureRegistryCIDRs", cidrs);
        config.put("IndexConfigs", indexes);
        config.put("Mirrors", identity.registryMirrors());
        return config;
    }

    private static Map<String, Object> indexConfig(String name, List<String> mirrors, boolean secure, boolean official) {
        return Map.of("Name", name, "Mirrors", mirrors, "Secure", secure, "Official", official);
    }

    private static Map<String, Object> component(String name, String version, Map<String, String> details) {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("Name", name);
        component.put("Version", version);
        component.put("Details", details);
        return component;
    }

    Map<String, Object> info() {
        ServerIdentity.ObjectCounts counts = identity.counts().get();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("ID", identity.id());
        info.put("Containers", counts.containers());
        info.put("ContainersRunning", counts.running());
        info.put("ContainersPaused", counts.paused());
        info.put("ContainersStopped", counts.stopped());
        info.put("Images", counts.images());
        info.put("Driver", "overlay2");
        info.put("DriverStatus", List.of(List.of("Backing Filesystem", "overlay")));
        info.put("Plugins", Map.of(
                "Volume", List.of("local"),
                "Network", List.of("bridge", "host", "null"),
                "Authorization", List.of(),
                "Log", List.of("json-file")));
        info.put("MemoryLimit", true);
        info.put("SwapLimit", true);
        info.put("CpuCfsPeriod", true);
        info.put("CpuCfsQuota", true);
        info.put("CPUShares", true);
        info.put("CPUSet", true);
        info.put("PidsLimit", true);
        info.put("IPv4Forwarding", true);
        info.put("Debug", false);
        info.put("NFd", 0);
        info.put("NGoroutines", 0);
        info.put("SystemTime", java.time.OffsetDateTime.now().toString());
        info.put("LoggingDriver", "json-file");
        info.put("CgroupDriver", "cgroupfs");
        info.put("CgroupVersion", host.cgroupVersion());
        info.put("NEventsListener", 0);
        info.put("KernelVersion", host.kernelVersion());
        info.put("OperatingSystem", host.operatingSystem());
        info.put("OSVersion", host.osVersion());
        info.put("OSType", "linux");
        info.put("Architecture", host.machine());
        info.put("IndexServerAddress", "https://index.docker.io/v1/");
        info.put("RegistryConfig", registryConfig());
        info.put("NCPU", host.cpus());
        info.put("MemTotal", host.memTotal());
        info.put("DockerRootDir", identity.dataRoot().toString());
        info.put("HttpProxy", "");
        info.put("HttpsProxy", "");
        info.put("NoProxy", "");
        info.put("Name", host.hostname());
        info.put("Labels", identity.labels());
        info.put("ExperimentalBuild", false);
        info.put("ServerVersion", ServerIdentity.ENGINE_VERSION);
        info.put("Runtimes", Map.of("berth", Map.of("path", "berth-launch")));
        info.put("DefaultRuntime", "berth");
        info.put("Swarm", Map.of(
                "NodeID", "",
                "NodeAddr", "",
                "LocalNodeState", "inactive",
                "ControlAvailable", false,
                "Error", "",
                "RemoteManagers", List.of()));
        info.put("LiveRestoreEnabled", true);
        info.put("Isolation", "");
        info.put("InitBinary", "");
        info.put("ContainerdCommit", Map.of("ID", "", "Expected", ""));
        info.put("RuncCommit", Map.of("ID", "", "Expected", ""));
        info.put("InitCommit", Map.of("ID", "", "Expected", ""));
        info.put("SecurityOptions", List.of());
        info.put("Warnings", List.of());
        return info;
    }
}
