package dev.berth.engine.runtime.launch;

import java.util.List;
import java.util.Set;

/**
 * Who a process in a container runs as and what it may do: the same fields, with the same meaning,
 * for a container's command ({@link LaunchSpec}) and for a process exec'd in it ({@link ExecSpec}).
 *
 * @param uid          the numeric user
 * @param gid          the numeric primary group
 * @param extraGids    supplementary groups
 * @param capabilities capability numbers kept (bounding, and effective/permitted for uid 0)
 * @param privileged   all capabilities, /sys writable, no masked or read-only paths, no seccomp
 * @param seccomp      install the launcher's seccomp filter
 * @param noNewPrivs   set PR_SET_NO_NEW_PRIVS
 */
public record ProcessPrivileges(int uid, int gid, List<Integer> extraGids, Set<Integer> capabilities,
                                boolean privileged, boolean seccomp, boolean noNewPrivs) {

    public ProcessPrivileges {
        extraGids = List.copyOf(extraGids);
        capabilities = Set.copyOf(capabilities);
    }
}
