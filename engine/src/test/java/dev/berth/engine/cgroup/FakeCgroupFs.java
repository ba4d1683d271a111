package dev.berth.engine.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A cgroup tree of plain files in a temp dir that behaves like the kernel's cgroupfs where berth
 * relies on it: mkdir makes the control files appear, subtree_control and devices.allow/deny
 * keep sets, the freezers report their state, cgroup.procs drops processes that have exited,
 * and rmdir refuses a populated cgroup. Every write is logged.
 */
final class FakeCgroupFs implements CgroupFs {

    static final String UNLIMITED_V1 = "9223372036854771712";
    private static final List<String> V2_ORDER = List.of("cpuset", "cpu", "io", "memory", "pids");

    private final Path root;
    private final boolean v2;
    private final List<String> writes = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    private FakeCgroupFs(Path root, boolean v2) {
        this.root = root;
        this.v2 = v2;
    }

    /** A v1 host with each of {@code controllers} mounted at {@code root/<controller>}. */
    static FakeCgroupFs v1(Path root, List<String> controllers) throws IOException {
        FakeCgroupFs fs = new FakeCgroupFs(root, false);
        for (String controller : controllers) {
            Path mount = root.resolve(controller);
            Files.createDirectories(mount);
            fs.populateV1(mount, controller, true);
        }
        return fs;
    }

    /** A v2 host whose root offers {@code controllers}, none enabled for children yet. */
    static FakeCgroupFs v2(Path root, String controllers) throws IOException {
        FakeCgroupFs fs = new FakeCgroupFs(root, true);
        Files.createDirectories(root);
        put(root, "cgroup.controllers", controllers);
        put(root, "cgroup.subtree_control", "");
        put(root, "cgroup.procs", "");
        return fs;
    }

    Map<String, Path> v1Mounts(List<String> controllers) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        controllers.forEach(c -> mounts.put(c, root.resolve(c)));
        return mounts;
    }

    /** Makes writes to files named {@code fileName} fail with {@code reason}, like an errno. */
    void failWritesTo(String fileName, String reason) {
        failures.put(fileName, reason);
    }

    /** Each write as {@code relative/path <- value}, in order. */
    List<String> writes() {
        return List.copyOf(writes);
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        Files.createDirectory(dir);
        if (v2) {
            populateV2(dir);
        } else {
            String controller = root.relativize(dir).getName(0).toString();
            populateV1(dir, controller, false);
        }
    }

    @Override
    public void removeDirectory(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            if (children.anyMatch(Files::isDirectory)) {
                throw new DirectoryNotEmptyException(dir.toString());
            }
        }
        if (!read(dir.resolve("cgroup.procs")).isBlank()) {
            throw new FileSystemException(dir.toString(), null, "Device or resource busy");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Override
    public void write(Path file, String value) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        String name = file.getFileName().toString();
        if (failures.containsKey(name)) {
            throw new FileSystemException(file.toString(), null, failures.get(name));
        }
        writes.add(root.relativize(file) + " <- " + value);
        Path dir = file.getParent();
        switch (name) {
            case "cgroup.subtree_control" -> enableControllers(dir, value);
            case "cgroup.procs" -> addPid(file, value);
            case "devices.deny" -> denyDevices(dir, value);
            case "devices.allow" -> allowDevice(dir, value);
            case "cgroup.freeze" -> {
                put(dir, "cgroup.freeze", value);
                put(dir, "cgroup.events", "populated " + (read(dir.resolve("cgroup.procs")).isBlank() ? 0 : 1)
                        + "\nfrozen " + value + "\n");
            }
            case "cgroup.kill" -> put(dir, "cgroup.procs", "");
            default -> put(dir, name, value);
        }
    }

    @Override
    public String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        if (file.getFileName().toString().equals("cgroup.procs")) {
            // The kernel lists live processes only: an exited one has left its cgroup.
            return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank())
                    .filter(line -> ProcessHandle.of(Long.parseLong(line)).map(ProcessHandle::isAlive).orElse(false))
                    .map(line -> line + "\n").collect(Collectors.joining());
        }
        return text;
    }

    private void populateV1(Path dir, String controller, boolean isRoot) throws IOException {
        put(dir, "cgroup.procs", "");
        put(dir, "tasks", "");
        switch (controller) {
            case "memory" -> {
                put(dir, "memory.limit_in_bytes", UNLIMITED_V1);
                put(dir, "memory.memsw.limit_in_bytes", UNLIMITED_V1);
                put(dir, "memory.soft_limit_in_bytes", UNLIMITED_V1);
                put(dir, "memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
            }
            case "cpu" -> {
                put(dir, "cpu.shares", "1024");
                put(dir, "cpu.cfs_period_us", "100000");
                put(dir, "cpu.cfs_quota_us", "-1");
            }
            case "cpuset" -> {
                put(dir, "cpuset.cpus", isRoot ? "0-1" : "");
                put(dir, "cpuset.mems", isRoot ? "0" : "");
            }
            case "pids" -> put(dir, "pids.max", "max");
            case "freezer" -> put(dir, "freezer.state", "THAWED");
            case "devices" -> {
                put(dir, "devices.allow", "");
                put(dir, "devices.deny", "");
                put(dir, "devices.list", isRoot ? "a *:* rwm" : Files.readString(dir.getParent().resolve("devices.list")));
            }
            default -> {
            }
        }
    }

    private void populateV2(Path dir) throws IOException {
        String enabled = Files.readString(dir.getParent().resolve("cgroup.subtree_control")).strip();
        put(dir, "cgroup.controllers", enabled);
        put(dir, "cgroup.subtree_control", "");
        put(dir, "cgroup.procs", "");
        put(dir, "cgroup.events", "populated 0\nfrozen 0\n");
        put(dir, "cgroup.freeze", "0");
        put(dir, "cgroup.kill", "");
        Set<String> controllers = Set.of(enabled.isEmpty() ? new String[0] : enabled.split(" "));
        if (controllers.contains("memory")) {
            put(dir, "memory.max", "max");
            put(dir, "memory.swap.max", "max");
            put(dir, "memory.low", "0");
            put(dir, "memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n");
        }
        if (controllers.contains("cpu")) {
            put(dir, "cpu.max", "max 100000");
            put(dir, "cpu.weight", "100");
        }
        if (controllers.contains("cpuset")) {
            put(dir, "cpuset.cpus", "");
            put(dir, "cpuset.mems", "");
        }
        if (controllers.contains("pids")) {
            put(dir, "pids.max", "max");
        }
    }

    private void enableControllers(Path dir, String value) throws IOException {
        Set<String> offered = Set.of(Files.readString(dir.resolve("cgroup.controllers")).strip().split(" "));
        Set<String> enabled = new LinkedHashSet<>(List.of(read(dir.resolve("cgroup.subtree_control")).strip().split(" ")));
        enabled.remove("");
        for (String token : value.strip().split(" ")) {
            String controller = token.substring(1);
            if (!offered.contains(controller)) {
                throw new NoSuchFileException(dir.resolve("cgroup.subtree_control").toString());
            }
            if (token.startsWith("+")) {
                enabled.add(controller);
            } else {
                enabled.remove(controller);
            }
        }
        put(dir, "cgroup.subtree_control",
                V2_ORDER.stream().filter(enabled::contains).collect(Collectors.joining(" ")));
    }

    private void addPid(Path procs, String value) throws IOException {
        Path cpus = procs.getParent().resolve("cpuset.cpus");
        // v1 refuses a task in a cpuset with no CPUs; v2 uses the parent's effective set instead.
        if (!v2 && Files.exists(cpus) && Files.readString(cpus).isBlank()) {
            throw new FileSystemException(procs.toString(), null, "No space left on device");
        }
        Set<String> pids = new LinkedHashSet<>(List.of(Files.readString(procs).split("\n")));
        pids.remove("");
        pids.add(value.strip());
        put(procs.getParent(), "cgroup.procs", String.join("\n", pids) + "\n");
    }

    private void denyDevices(Path dir, String value) throws IOException {
        List<String> list = deviceList(dir);
        if (value.equals("a")) {
            list.clear();
        } else {
            list.remove(value);
        }
        put(dir, "devices.list", String.join("\n", list));
    }

    private void allowDevice(Path dir, String value) throws IOException {
        List<String> list = deviceList(dir);
        if (!list.contains(value)) {
            list.add(value);
        }
        put(dir, "devices.list", String.join("\n", list));
    }

    private static List<String> deviceList(Path dir) throws IOException {
        List<String> list = new ArrayList<>(List.of(Files.readString(dir.resolve("devices.list")).split("\n")));
        list.remove("");
        return list;
    }

    private static void put(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }
}
