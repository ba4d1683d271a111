package dev.berth.engine.runtime.launch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes a spec for berth-launch: a sequence of records {@code key NUL value NUL}, keys in a fixed
 * order, repeated keys keeping their order. No value may contain a NUL byte (Linux paths,
 * arguments and environment entries cannot either).
 *
 * <p>Keys: {@code id state log log-max-size log-max-file rootfs lower* upper work arg* env* cwd uid
 * gid group* cap* privileged seccomp nnp hostname readonly init sync-net shm-size tty open-stdin control? mask* ro-path*
 * sysctl* (NAME=VALUE) rlimit* ("RESOURCE SOFT HARD", -1 = unlimited) cgroup-procs* cgroup-bind*
 * (NAME=HOSTDIR) pid monitor}, for an exec with a terminal also {@code tty control tty-size?} ("ROWS COLUMNS") and per mount, in order, {@code mount.type} (bind or tmpfs) followed by
 * {@code mount.src mount.dst mount.opts} (comma-separated).
 */
public final class SpecWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private SpecWriter() {
    }

    /** The bytes of a launch spec. */
    public static byte[] launch(LaunchSpec s) {
        SpecWriter w = new SpecWriter();
        w.put("id", s.id()).put("state", s.stateDir()).put("log", s.logFile())
                .put("log-max-size", s.log().maxSize()).put("log-max-file", s.log().maxFile())
                .put("rootfs", s.rootfs());
        s.lowerDirs().forEach(l -> w.put("lower", l));
        if (s.upperDir() != null) {
            w.put("upper", s.upperDir()).put("work", s.workDir());
        }
        w.process(s.argv(), s.env(), s.cwd(), s.privileges());
        w.put("hostname", s.hostname())
                .flag("readonly", s.readOnlyRoot()).flag("init", s.init())
                .flag("sync-net", s.syncNetwork()).put("shm-size", s.shmSize())
                .flag("tty", s.tty()).flag("open-stdin", s.openStdin());
        if (s.control() != null) {
            w.put("control", s.control());
        }
        s.maskedPaths().forEach(p -> w.put("mask", p));
        s.readOnlyPaths().forEach(p -> w.put("ro-path", p));
        new TreeMap<>(s.sysctls()).forEach((k, v) -> w.put("sysctl", k + "=" + v));
        s.rlimits().forEach(w::rlimit);
        s.cgroupProcs().forEach(p -> w.put("cgroup-procs", p));
        new TreeMap<>(s.cgroupBinds()).forEach((k, v) -> w.put("cgroup-bind", k + "=" + v));
        for (Mount m : s.mounts()) {
            switch (m) {
                case Mount.Bind b -> {
                    StringBuilder opts = new StringBuilder(b.readOnly() ? "ro" : "rw");
                    b.options().forEach(o -> opts.append(',').append(o));
                    w.put("mount.type", "bind").put("mount.src", b.source())
                            .put("mount.dst", b.destination()).put("mount.opts", opts);
                }
                case Mount.Tmpfs t -> w.put("mount.type", "tmpfs").put("mount.dst", t.destination())
                        .put("mount.opts", String.join(",", t.options()));
            }
        }
        return w.out.toByteArray();
    }

    /** The bytes of an exec spec without a terminal. */
    public static byte[] exec(ExecSpec s) {
        return exec(s, null);
    }

    /** The bytes of an exec spec; with {@link ExecSpec#tty()}, {@code control} is its control FIFO. */
    public static byte[] exec(ExecSpec s, Path control) {
        SpecWriter w = new SpecWriter();
        w.put("pid", s.initPid()).put("monitor", s.monitorPid());
        w.process(s.argv(), s.env(), s.cwd(), s.privileges());
        s.rlimits().forEach(w::rlimit);
        s.cgroupProcs().forEach(p -> w.put("cgroup-procs", p));
        if (s.tty()) {
            w.flag("tty", true).put("control", control);
            if (s.ttyRows() > 0 && s.ttyColumns() > 0) {
                w.put("tty-size", s.ttyRows() + " " + s.ttyColumns());
            }
        }
        return w.out.toByteArray();
    }

    /** Decodes records, for tests and diagnostics: key to value, repeated keys joined by NUL. */
    public static Map<String, String> decode(byte[] bytes) {
        Map<String, String> map = new TreeMap<>();
        String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\0", -1);
        for (int i = 0; i + 1 < parts.length; i += 2) {
            map.merge(parts[i], parts[i + 1], (a, b) -> a + "\0" + b);
        }
        return map;
    }

    private void process(List<String> argv, List<String> env, String cwd, ProcessPrivileges p) {
        argv.forEach(a -> put("arg", a));
        env.forEach(e -> put("env", e));
        put("cwd", cwd).put("uid", p.uid()).put("gid", p.gid());
        p.extraGids().forEach(g -> put("group", g));
        p.capabilities().stream().sorted().forEach(c -> put("cap", c));
        flag("privileged", p.privileged()).flag("seccomp", p.seccomp()).flag("nnp", p.noNewPrivs());
    }

    private void rlimit(Rlimit r) {
        put("rlimit", r.resource() + " " + r.soft() + " " + r.hard());
    }

    private SpecWriter flag(String key, boolean value) {
        return put(key, value ? "1" : "0");
    }

    private SpecWriter put(String key, Object value) {
        String v = value instanceof Path p ? p.toAbsolutePath().toString() : String.valueOf(value);
        if (v.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("launch spec value of " + key + " contains a NUL byte: "
                    + v.replace('\0', '?'));
        }
        out.writeBytes(key.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.writeBytes(v.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        return this;
    }
}
