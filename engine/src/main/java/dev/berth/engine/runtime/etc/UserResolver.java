package dev.berth.engine.runtime.etc;

import dev.berth.engine.core.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a container's {@code user} ({@code name|uid[:group|gid]}) against the image's
 * /etc/passwd and /etc/group with the rules runc's {@code GetExecUser} applies for Docker:
 * a number is always an ID (and need not be in the files), a name must be in them; with no
 * explicit group the user's primary group and the groups that list the user apply.
 */
public final class UserResolver {

    static final long MAX_ID = Integer.MAX_VALUE;

    private UserResolver() {
    }

    /** Resolves {@code spec} (empty means root) with the image's files read through its layers. */
    public static ResolvedUser resolve(String spec, List<String> groupAdd, LayeredRootfs rootfs) {
        return resolve(spec, groupAdd, rootfs.readString("/etc/passwd"), rootfs.readString("/etc/group"));
    }

    /**
     * Resolves {@code spec} given the content of /etc/passwd and /etc/group, each empty when the
     * image lacks it.
     *
     * @throws EngineException with runc's wording, e.g. {@code unable to find user NAME: no
     *                         matching entries in passwd file}
     */
    public static ResolvedUser resolve(String spec, List<String> groupAdd, Optional<String> passwd,
                                       Optional<String> group) {
        String[] parts = (spec == null ? "" : spec).split(":", -1);
        String userArg = parts[0];
        String groupArg = parts.length > 1 ? parts[1] : "";
        Long uidArg = parseId(userArg);
        List<PasswdEntry> users = PasswdEntry.parseAll(passwd.orElse(""));

        long uid = 0;
        long gid = 0;
        String home = "/";
        String matchedName = null;
        Optional<PasswdEntry> match = users.stream().filter(u -> userArg.isEmpty() ? u.uid() == 0
                : uidArg != null ? u.uid() == uidArg : u.name().equals(userArg)).findFirst();
        if (match.isPresent()) {
            matchedName = match.get().name();
            uid = match.get().uid();
            gid = match.get().gid();
            home = match.get().home();
        } else if (!userArg.isEmpty()) {
            if (uidArg == null) {
                throw new EngineException("unable to find user " + userArg
                        + ": no matching entries in passwd file");
            }
            uid = requireInRange(uidArg);
        }

        List<GroupEntry> groups = GroupEntry.parseAll(group.orElse(""));
        List<Integer> supplementary = new ArrayList<>();
        if (!groupArg.isEmpty()) {
            Long gidArg = parseId(groupArg);
            String wanted = groupArg;
            Optional<GroupEntry> found = groups.stream()
                    .filter(g -> gidArg != null ? g.gid() == gidArg : g.name().equals(wanted)).findFirst();
            if (found.isPresent()) {
                gid = found.get().gid();
            } else if (gidArg == null) {
                throw new EngineException("unable to find group " + groupArg
                        + ": no matching entries in group file");
            } else {
                gid = requireInRange(gidArg);
            }
        } else if (matchedName != null) {
            String member = matchedName;
            groups.stream().filter(g -> g.members().contains(member))
                    .forEach(g -> supplementary.add((int) g.gid()));
        }

        List<Integer> additional = new ArrayList<>();
        additional.add((int) gid);
        additional.addAll(supplementary);
        for (String extra : groupAdd) {
            additional.add(groupAddId(extra, groups));
        }
        return new ResolvedUser((int) uid, (int) gid, additional, home);
    }

    private static int groupAddId(String extra, List<GroupEntry> groups) {
        Long id = parseId(extra);
        Optional<GroupEntry> found = groups.stream()
                .filter(g -> id != null ? g.gid() == id : g.name().equals(extra)).findFirst();
        if (found.isPresent()) {
            return (int) found.get().gid();
        }
        if (id == null) {
            throw new EngineException("Unable to find group " + extra + ": no matching entries in group file");
        }
        return (int) requireInRange(id);
    }

    private static long requireInRange(long id) {
        if (id < 0 || id > MAX_ID) {
            throw new EngineException("uids and gids must be in range 0-" + MAX_ID);
        }
        return id;
    }

    /** The number {@code text} spells, or null when it is a name. */
    private static Long parseId(String text) {
        if (text.isEmpty() || !text.matches("-?\\d+")) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** One /etc/passwd line: {@code name:password:uid:gid:gecos:home:shell}. */
    record PasswdEntry(String name, long uid, long gid, String home) {
        static List<PasswdEntry> parseAll(String text) {
            return records(text).stream()
                    .map(f -> new PasswdEntry(f[0], number(f, 2), number(f, 3), f.length > 5 ? f[5] : ""))
                    .toList();
        }
    }

    /** One /etc/group line: {@code name:password:gid:member,member}. */
    record GroupEntry(String name, long gid, List<String> members) {
        static List<GroupEntry> parseAll(String text) {
            return records(text).stream()
                    .map(f -> new GroupEntry(f[0], number(f, 2),
                            f.length > 3 && !f[3].isEmpty() ? List.of(f[3].split(",")) : List.of()))
                    .toList();
        }
    }

    /** The colon-separated fields of each line of a passwd or group file that is neither blank nor a comment. */
    private static List<String[]> records(String text) {
        List<String[]> records = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                records.add(trimmed.split(":", -1));
            }
        }
        return records;
    }

    /** runc ignores a malformed number and reads it as 0; so do we. */
    private static long number(String[] fields, int index) {
        if (fields.length <= index) {
            return 0;
        }
        try {
            return Long.parseLong(fields[index].strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
