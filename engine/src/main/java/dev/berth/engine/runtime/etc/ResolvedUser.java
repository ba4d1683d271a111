package dev.berth.engine.runtime.etc;

import java.util.List;

/**
 * The identity a container process runs as, as the launcher applies it: {@code setgroups},
 * {@code setgid}, {@code setuid}, and HOME when the environment does not set it.
 *
 * @param uid            the user ID
 * @param gid            the primary group ID
 * @param additionalGids the supplementary groups: the primary group first (moby includes it since
 *                       the fix for CVE-2022-36109, so root gets {@code [0]}), then the groups
 *                       /etc/group lists the user in, then {@code group_add}
 * @param home           the home directory from /etc/passwd, {@code /} when there is no entry
 */
public record ResolvedUser(int uid, int gid, List<Integer> additionalGids, String home) {

    public ResolvedUser {
        additionalGids = List.copyOf(additionalGids);
    }
}
