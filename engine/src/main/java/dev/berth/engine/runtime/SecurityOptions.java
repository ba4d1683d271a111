package dev.berth.engine.runtime;

import dev.berth.engine.core.EngineException;
import java.util.List;

/**
 * A container's {@code --security-opt} values, read once: whether the seccomp filter applies and
 * whether no_new_privs is set. An option berth cannot honour is refused, in Docker's words where
 * Docker refuses it ({@code invalid --security-opt 2: "…"}, daemon/create.go parseSecurityOpt);
 * berth applies no AppArmor profile or SELinux label, so only their "off" values hold.
 *
 * @param seccomp         false with {@code seccomp=unconfined}
 * @param noNewPrivileges {@code no-new-privileges} or {@code no-new-privileges=true}
 */
record SecurityOptions(boolean seccomp, boolean noNewPrivileges) {

    /**
     * Reads the options ({@code KEY=VALUE}, or the older {@code KEY:VALUE}).
     *
     * @throws EngineException for an option berth cannot honour or does not know
     */
    static SecurityOptions parse(List<String> options) {
        boolean seccomp = true;
        boolean noNewPrivileges = false;
        for (String opt : options) {
            if (opt.equals("no-new-privileges")) {
                noNewPrivileges = true;
                continue;
            }
            if (opt.equals("disable")) {
                continue;
            }
            int sep = opt.indexOf('=') >= 0 ? opt.indexOf('=') : opt.indexOf(':');
            if (sep < 0) {
                throw new EngineException("invalid --security-opt 1: \"" + opt + "\"");
            }
            String key = opt.substring(0, sep);
            String value = opt.substring(sep + 1);
            switch (key) {
                case "seccomp" -> {
                    if (!value.equals("unconfined")) {
                        throw new EngineException("security option \"" + opt + "\" is not supported: berth does"
                                + " not load seccomp profile files yet: leave the option out to use berth's built-in"
                                + " filter, or give seccomp=unconfined to run without one");
                    }
                    seccomp = false;
                }
                case "no-new-privileges" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new EngineException("invalid --security-opt 2: \"" + opt + "\"");
                    }
                    noNewPrivileges = value.equals("true");
                }
                case "apparmor" -> {
                    if (!value.equals("unconfined")) {
                        throw new EngineException("security option \"" + opt + "\" is not supported: berth applies"
                                + " no AppArmor profile; leave the option out or give apparmor=unconfined");
                    }
                }
                case "label" -> {
                    if (!value.equals("disable")) {
                        throw new EngineException("security option \"" + opt + "\" is not supported: berth applies"
                                + " no SELinux label; leave the option out or give label=disable");
                    }
                }
                case "writable-cgroups" -> {
                    if (!value.equals("false")) {
                        throw new EngineException("security option \"" + opt + "\" is not supported: berth mounts"
                                + " the cgroup hierarchies read-only");
                    }
                }
                default -> throw new EngineException("invalid --security-opt 2: \"" + opt + "\"");
            }
        }
        return new SecurityOptions(seccomp, noNewPrivileges);
    }
}
