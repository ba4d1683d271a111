package dev.berth.engine.runtime.launch;

import dev.berth.engine.core.EngineException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Linux capability names and numbers, and Docker's default set (isolation.md section 1.1). */
public final class Capability {

    private static final List<String> NAMES = List.of(
            "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID",
            "SETUID", "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN",
            "NET_RAW", "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE",
            "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME",
            "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP",
            "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ",
            "PERFMON", "BPF", "CHECKPOINT_RESTORE");

    /** Docker's 14 default capabilities: CapEff 00000000a80425fb. */
    public static final Set<Integer> DOCKER_DEFAULTS = Set.of(0, 1, 3, 4, 5, 6, 7, 8, 10, 13, 18, 27, 29, 31);

    private Capability() {
    }

    /** The number of a capability named with or without {@code CAP_}, in any case. */
    public static int number(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.startsWith("CAP_")) {
            n = n.substring(4);
        }
        int i = NAMES.indexOf(n);
        if (i < 0) {
            throw new EngineException("unknown capability: \"" + name + "\"");
        }
        return i;
    }

    /** Every capability this list knows. */
    public static Set<Integer> all() {
        Set<Integer> all = new TreeSet<>();
        for (int i = 0; i < NAMES.size(); i++) {
            all.add(i);
        }
        return all;
    }

    /**
     * Docker's rule: the defaults (none when {@code capDrop} holds "ALL"), plus {@code capAdd}
     * ("ALL" adds every one), minus the other names of {@code capDrop}.
     */
    public static Set<Integer> resolve(Collection<String> capAdd, Collection<String> capDrop) {
        boolean dropAll = capDrop.stream().anyMatch(c -> c.equalsIgnoreCase("ALL"));
        Set<Integer> caps = new TreeSet<>(dropAll ? Set.of() : DOCKER_DEFAULTS);
        for (String c : capAdd) {
            if (c.equalsIgnoreCase("ALL")) {
                caps.addAll(all());
            } else {
                caps.add(number(c));
            }
        }
        for (String c : capDrop) {
            if (!c.equalsIgnoreCase("ALL")) {
                caps.remove(number(c));
            }
        }
        return caps;
    }

    /** The CapEff-style hexadecimal mask of a set, 16 digits. */
    public static String mask(Set<Integer> caps) {
        long m = 0;
        for (int c : caps) {
            m |= 1L << c;
        }
        return String.format("%016x", m);
    }
}
