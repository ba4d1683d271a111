package dev.berth.engine.runtime.launch;

import dev.berth.engine.core.EngineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's bound on what execve(2) copies into a new program, checked before a launch so that
 * the user reads it from berth rather than from a failed exec. The command line and the environment
 * together, each string with its NUL and a pointer for each, must fit in ARG_MAX: a quarter of the
 * stack size limit, at least 128 KiB and at most 6 MiB ({@code bprm_stack_limits} in fs/exec.c;
 * {@code getconf ARG_MAX} shows it). One string may hold at most MAX_ARG_STRLEN, 128 KiB.
 * Nothing else bounds the number of arguments or environment entries: the launcher has no limit
 * of its own.
 */
public final class ArgMax {

    /** The longest single argument or environment entry, NUL included (32 pages). */
    public static final long MAX_ARG_STRLEN = 32 * 4096;
    /** The kernel's floor of ARG_MAX, whatever the stack limit (the ARG_MAX constant, 32 pages). */
    static final long FLOOR = 32 * 4096;
    /** The kernel's ceiling: three quarters of its 8 MiB _STK_LIM. */
    static final long CEILING = 6L * 1024 * 1024;
    private static final long POINTER = 8;
    private static final long HOST_STACK_SOFT = readHostStackSoft();

    private ArgMax() {
    }

    /** ARG_MAX under a stack size soft limit of {@code stackSoft} bytes (-1 for unlimited). */
    public static long limit(long stackSoft) {
        long quarter = stackSoft < 0 ? Long.MAX_VALUE : stackSoft / 4;
        return Math.max(FLOOR, Math.min(CEILING, quarter));
    }

    /**
     * Refuses a command line and environment that execve would refuse with E2BIG under the stack
     * limit of {@code rlimits} (the launcher's own, inherited from this JVM, when they have none).
     *
     * @param what what is being done, e.g. {@code cannot start container 3f4e...}
     * @throws EngineException naming the size and the limit
     */
    public static void check(String what, List<String> argv, List<String> env, List<Rlimit> rlimits) {
        long stackSoft = rlimits.stream().filter(r -> r.name().equals("stack")).mapToLong(Rlimit::soft)
                .reduce((first, last) -> last).orElse(HOST_STACK_SOFT);
        long limit = limit(stackSoft);
        long total = 0;
        for (List<String> strings : List.of(argv, env)) {
            for (String s : strings) {
                long bytes = s.getBytes(StandardCharsets.UTF_8).length + 1L;
                if (bytes > MAX_ARG_STRLEN) {
                    String kind = strings == argv ? "argument" : "environment entry";
                    throw new EngineException(what + ": the " + kind + " \"" + abbreviate(s) + "\" is "
                            + bytes + " bytes, more than the kernel's limit MAX_ARG_STRLEN of "
                            + MAX_ARG_STRLEN + " bytes for one " + kind);
                }
                total += bytes + POINTER;
            }
        }
        if (total > limit) {
            throw new EngineException(what + ": the command line and environment (" + count(argv, "argument")
                    + ", " + count(env, "environment entry") + ") are " + total
                    + " bytes, more than the kernel's limit ARG_MAX of " + limit + " bytes"
                    + " (a quarter of the stack size limit, at most " + CEILING + "): pass fewer or shorter"
                    + " arguments and environment entries, or put the data in a file or volume");
        }
    }

    private static String count(List<String> strings, String noun) {
        return strings.size() + " " + (strings.size() == 1 ? noun : noun.endsWith("y")
                ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** The stack size soft limit of this JVM, which the launcher inherits; 8 MiB if unreadable. */
    private static long readHostStackSoft() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max stack size")) {
                    String soft = line.substring("Max stack size".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? -1 : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 8L * 1024 * 1024;
        }
        return 8L * 1024 * 1024;
    }
}
